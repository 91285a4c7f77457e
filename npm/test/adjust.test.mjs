// The npm package from Node ESM against the sandbox: every Adjust endpoint, errors, AbortSignal,
// an injected fetch, retries and redirects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdjustClient } from 'adkit';
import { ADJUST, FAST, HASH, otherOriginSeen, queueFaults, requestsOf, token } from '../test-support.mjs';

const client = (apiToken, extra = {}) => new AdjustClient({ apiToken, signatureToken: 'sig_js', baseUrl: ADJUST, ...extra });
const android = (storeId) => ({ storeId, platform: 'android', name: 'JS App', bundleId: storeId });

test('every endpoint round-trips with camelCase plain objects', async () => {
  const c = client(token('every'));
  const store = 'com.example.js.every';
  const created = await c.createApp({
    ...android(store),
    channelSetup: { snapchat: { snapAppId: 'snap-1' }, auraIronsource: { someKey: 'x' } },
    overrideSettings: { callbacks: [{ id: 'global', url: 'https://cb.example' }], csv_upload_settings: { a_b: 1 } },
  });
  assert.equal(created.adjustAppToken.length, 12);
  assert.match(created.requestId, /^sbx-/);
  assert.equal(created.skAppId, null);
  const app = created.adjustAppToken;

  const details = await c.getApp(app);
  assert.equal(details.name, 'JS App');
  assert.deepEqual(details.channelSetup.snapchat, { appId: 'snap-1' });
  assert.deepEqual(details.channelSetup.auraIronsource, { someKey: 'x' });
  // Opaque values keep their keys exactly as sent.
  assert.deepEqual(details.additionalInfo, {
    overrides: { callbacks: [{ id: 'global', url: 'https://cb.example' }], csv_upload_settings: { a_b: 1 } },
  });

  const found = await c.findApp(store, 'android');
  assert.equal(found.adjustAppToken, app);
  await assert.rejects(c.findApp({ storeId: store, platform: 'android' }), { kind: 'invalid_input', field: 'storeId' }, 'the fields, in order');

  const seen = [];
  const done = await c.waitForTicket(created.ticketToken, { ...FAST, onProgress: (s) => seen.push(s.status) });
  assert.deepEqual(seen, ['NEW', 'OPENED', 'COMPLETED']);
  assert.equal(done.status, 'COMPLETED');
  assert.deepEqual(done.sections.events, { successes: ['install', 'purchase'], failures: [], detail: null });

  const urls = await c.createCampaign({ storeId: store, platform: 'android', channel: 'snapchat' });
  assert.match(urls.clickUrl, /^https:\/\/app\.adjust\.com\//);
  assert.deepEqual((await c.listChannels(app)).channels, ['organic', 'snapchat']);
  assert.equal((await c.getSignature(store)).androidAppToken, app);

  const gen = await c.generateSignature({ appToken: app, platform: 'android', androidSignatureHash: HASH, forceSdkSignature: true });
  const sig = await c.waitForTicket(gen.ticketToken, FAST);
  assert.deepEqual(sig.signatures.android, { success: true, msg: 'Signature has been generated successfully' });
  assert.deepEqual(Object.values(sig.forceSdkSignature), ['Force SDK signature turned on']);
  assert.equal((await c.getTicketStatus(gen.ticketToken)).status, 'COMPLETED');

  const updated = await c.updateApp({ appToken: app, name: 'Renamed' });
  assert.equal(updated.name, 'Renamed');
});

test('errors are real Error objects with kind, status, code and requestId', async () => {
  const bad = client('nope');
  await assert.rejects(bad.getApp('abcdefabcdef'), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'AdkitError');
    assert.equal(e.kind, 'auth');
    assert.equal(e.status, 401);
    assert.equal(e.vendor, 'adjust');
    assert.match(e.requestId, /^sbx-/);
    assert.match(e.bodyExcerpt, /Invalid token/);
    assert.ok(!e.message.includes('nope'), 'no secret in the message');
    return true;
  });
  const c = client(token('errors'));
  await assert.rejects(c.getApp('abcdefabcdef'), { kind: 'not_found', status: 404 });
  await assert.rejects(c.createApp({ ...android('com.example.v'), verification: true }), { kind: 'api', status: 400 });
  await c.createApp(android('com.example.fb'));
  await assert.rejects(c.createCampaign({ storeId: 'com.example.fb', platform: 'android', channel: 'facebook' }),
    { kind: 'api', code: 'channel_setup_incomplete' });
});

test('bad input is refused before anything is sent', async () => {
  const key = token('input');
  const c = client(key);
  const cases = [
    [() => c.getApp('a/b'), 'appToken'],
    [() => c.getApp('..'), 'appToken'],
    [() => c.getTicketStatus('../x'), 'ticketToken'],
    [() => c.findApp('x', 'windows'), 'platform'],
    [() => c.createApp({ storeId: 'x', platform: 'android', bundleId: 'x' }), 'name'],
    [() => c.createApp({ ...android('x'), name: 'a\r\nb' }), 'name'],
    [() => c.createApp({ ...android('x'), verification: 'yes' }), 'request'],
    [() => c.createApp('not an object'), 'request'],
    [() => c.getApp('abc', { signal: 'nope' }), 'signal'],
  ];
  for (const [call, field] of cases) {
    await assert.rejects(call(), (e) => {
      assert.equal(e.kind, 'invalid_input');
      if (field !== 'request') assert.equal(e.field, field);
      return true;
    });
  }
  assert.throws(() => new AdjustClient({ apiToken: '' }), { kind: 'invalid_input', field: 'apiToken' });
  assert.throws(() => new AdjustClient({ apiToken: 'a\nb' }), { kind: 'invalid_input' });
  assert.throws(() => new AdjustClient({ apiToken: 'x', baseUrl: 'http://example.com/' }), { kind: 'invalid_input', field: 'baseUrl' });
  assert.deepEqual(await requestsOf(key), [], 'nothing reached the sandbox');
});

test('429/503 with Retry-After are retried, then rate_limited', async () => {
  const key = token('retry');
  const c = client(key);
  await queueFaults(key, [{ status: 503, retry_after: '0' }, { status: 429, retry_after: '0' }]);
  await assert.rejects(c.getApp('abcdefabcdef'), { kind: 'not_found', status: 404 }, 'third attempt reaches the app lookup');
  await queueFaults(key, Array(3).fill({ status: 429, retry_after: '1' }));
  const started = Date.now();
  await assert.rejects(c.getApp('abcdefabcdef'), { kind: 'rate_limited', status: 429, retryAfterMs: 1000 });
  assert.ok(Date.now() - started >= 1900, 'waited Retry-After twice');
  const log = await requestsOf(key);
  assert.equal(log.length, 6);
  assert.ok(log.every((r) => r.client.endsWith('(js)')));
});

test('decode errors carry status and excerpt; oversized bodies are refused', async () => {
  const key = token('decode');
  const c = client(key);
  await queueFaults(key, [{ status: 200, body: '<html>oops</html>', content_type: 'text/html' }]);
  await assert.rejects(c.getApp('abcdefabcdef'), { kind: 'decode', status: 200, bodyExcerpt: '<html>oops</html>' });
  await queueFaults(key, [{ oversized_bytes: 17 * 1024 * 1024 }]);
  await assert.rejects(c.getApp('abcdefabcdef'), { kind: 'transport', transportKind: 'body_too_large' });
});

test('AbortSignal cancels a call; timeouts are typed', async () => {
  const key = token('abort');
  const c = client(key, { maxRetries: 0 });
  await queueFaults(key, [{ delay_ms: 2000 }]);
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  await assert.rejects(c.getApp('abcdefabcdef', { signal: ac.signal }), { kind: 'cancelled' });
  await assert.rejects(c.getApp('abcdefabcdef', { signal: AbortSignal.abort() }), { kind: 'cancelled' });
  const slow = client(key, { timeoutMs: 200, maxRetries: 0 });
  await queueFaults(key, [{ delay_ms: 1500 }]);
  await assert.rejects(slow.getApp('abcdefabcdef'), { kind: 'transport', transportKind: 'timeout' });
  const ticketless = client(token('abortwait'));
  const ac2 = new AbortController();
  setTimeout(() => ac2.abort(), 50);
  await assert.rejects(ticketless.waitForTicket('00000000-0000', { signal: ac2.signal, initialIntervalMs: 10 }), (e) =>
    e.kind === 'cancelled' || e.status === 404);
});

test('an injected fetch is used for every request', async () => {
  let calls = 0;
  const c = client(token('fetch'), { fetch: (url, init) => { calls += 1; return fetch(url, init); } });
  const created = await c.createApp(android('com.example.fetch'));
  await c.getApp(created.adjustAppToken);
  assert.equal(calls, 2);
});

test('credentials never follow a redirect to another origin', async () => {
  const key = token('redirect');
  const c = client(key);
  await c.createApp(android('com.example.redirect'));
  const before = (await otherOriginSeen()).length;
  const other = (await (await fetch(`${process.env.ADKIT_SANDBOX_URL}/__sandbox/health`)).text()) && process.env.ADKIT_OTHER_ORIGIN;
  assert.ok(other, 'ADKIT_OTHER_ORIGIN is set');
  await queueFaults(key, [{ redirect_to: `${other}/collect` }]);
  await assert.rejects(c.findApp('com.example.redirect', 'android'), { kind: 'decode' });
  const seen = await otherOriginSeen();
  assert.equal(seen.length, before + 1);
  const headers = seen.at(-1).headers;
  assert.ok(!headers.includes('adjustauthorization') && !headers.includes('signatureauthorization'), headers.join());
  assert.ok(headers.includes('x-adkit-client'));
});
