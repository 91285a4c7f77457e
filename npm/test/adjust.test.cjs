// The npm package from Node CommonJS: `require('adkit')` gives the same client.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { AdjustClient } = require('adkit');

test('require("adkit") works and talks to the sandbox', async () => {
  const c = new AdjustClient({ apiToken: `adj_cjs_${Date.now()}`, baseUrl: `${process.env.ADKIT_SANDBOX_URL}/adjust/api/` });
  const created = await c.createApp({ storeId: '1125517808', platform: 'ios', name: 'CJS', bundleId: 'com.example.cjs' });
  const channels = await c.listChannels(created.adjustAppToken);
  assert.deepEqual(channels.channels, ['organic'], 'iOS apps answer with the bare-array form in the sandbox');
  const esm = await import('adkit');
  assert.equal(esm.AdjustClient, AdjustClient, 'ESM and CJS share one module instance');
});
