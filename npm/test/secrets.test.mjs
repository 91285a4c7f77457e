// Secrets from JS: a webhook receiver cannot be built without a configured Authorization value and
// never accepts a missing or empty header; a token answer that fails to decode never puts the tokens
// into the error (message, excerpt, stack, util.inspect, JSON).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { randomUUID } from 'node:crypto';
import { AdaptyWebhookReceiver, AdmitadClient } from 'adkit';
import { BASE, queueFaults } from '../test-support.mjs';

test('a webhook receiver needs a non-empty Authorization value', () => {
  const unset = `ADKIT_SURELY_UNSET_${randomUUID().slice(0, 8)}`;
  assert.equal(process.env[unset], undefined);
  for (const options of [
    { productionAuthorization: process.env[unset] },
    { productionAuthorization: '' },
    { sandboxAuthorization: '' },
    { productionAuthorization: '', sandboxAuthorization: 'Bearer s' },
    { productionAuthorization: '   ' },
    {},
    undefined,
  ]) {
    assert.throws(() => new AdaptyWebhookReceiver(options), (e) => {
      assert.equal(e.name, 'AdkitError', `${JSON.stringify(options)}: ${e}`);
      assert.equal(e.kind, 'invalid_input', JSON.stringify(options));
      return true;
    });
  }
  assert.ok(new AdaptyWebhookReceiver({ sandboxAuthorization: 'Bearer s' }), 'the sandbox value alone is enough');
});

test('a receiver never accepts a missing or empty Authorization header', () => {
  const receiver = new AdaptyWebhookReceiver({ productionAuthorization: 'Bearer x' });
  const body = '{}';
  for (const headers of [{}, [], new Headers(), { authorization: '' }, { Authorization: '' }, [['authorization', '']],
    new Headers({ authorization: '' }), { 'content-type': 'application/json' }]) {
    assert.throws(() => receiver.receive(headers, body), (e) => {
      assert.equal(e.name, 'AdkitError');
      assert.equal(e.kind, 'verification', inspect(headers));
      return true;
    });
  }
  assert.deepEqual(receiver.receive({ authorization: 'Bearer x' }, body), { kind: 'verification' }, 'the right value passes');
});

test('a token answer that fails to decode never shows the tokens', async () => {
  for (const body of [
    '{"access_token":"","refresh_token":"LEAKME-refresh","scope":7}',
    '{"access_token":"LEAKME-access","refresh_token":"LEAKME-refresh","scope":7}',
    '{"access_token":["LEAKME-access"],"refresh_token":"LEAKME-refresh","expires_in":3600}',
  ]) {
    const clientId = `adm_js_leak_${randomUUID().slice(0, 8)}`;
    const c = new AdmitadClient({ clientId, clientSecret: `secret_${clientId}`, scopes: ['private_data'], baseUrl: `${BASE}/admitad/`, maxRetries: 0 });
    // The token request authenticates with Basic base64(client_id:secret): its last word is the fault key.
    const basic = Buffer.from(`${clientId}:secret_${clientId}`).toString('base64');
    await queueFaults(basic, [{ status: 200, body }]);
    const e = await c.me().then(() => assert.fail('expected a rejection'), (err) => err);
    assert.equal(e.name, 'AdkitError');
    assert.equal(c.tokenRequests, 1, 'the token request was made (and answered with the fault)');
    for (const [how, text] of [
      ['util.inspect', inspect(e, { depth: 5, showHidden: true })],
      ['JSON.stringify', JSON.stringify(e)],
      ['String', String(e)],
      ['stack', e.stack],
      ['bodyExcerpt', String(e.bodyExcerpt)],
      ['message', e.message],
    ]) {
      assert.ok(!text.includes('LEAKME'), `${how} shows a token (${e.kind}): ${text}`);
    }
  }
});
