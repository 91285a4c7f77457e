// `require('adkit/adapty')` and `require('adkit')` share one Adapty module instance.
const { test } = require('node:test');
const assert = require('node:assert/strict');

test('require("adkit/adapty") works', async () => {
  const { AdaptyClient } = require('adkit/adapty');
  assert.equal(require('adkit').AdaptyClient, AdaptyClient);
  const c = new AdaptyClient({ secretKey: `secret_cjs_${Date.now()}`, baseUrl: `${process.env.ADKIT_SANDBOX_URL}/adapty/` });
  const p = await c.createProfile({ customerUserId: 'cjs' }, {});
  assert.equal(p.customerUserId, 'cjs');
});
