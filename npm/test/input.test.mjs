// Bad input from JS never escapes the error model: every wrong number (negative, beyond its range,
// NaN, a fraction, Infinity) and every wrong type is an AdkitError of kind `invalid_input` naming the
// field — never clamped, wrapped, defaulted, or a bare TypeError/RangeError — and nothing is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  AdjustClient, AdaptyClient, AdaptyWebhookReceiver, AdmitadClient, parseAdmitadCallback, verifyAdmitadSignedRequest,
} from 'adkit';
import { ADJUST, BASE, requestsOf, token } from '../test-support.mjs';

const BAD_NUMBERS = [-1, 2 ** 32 + 1, NaN, 1.5, Infinity, -Infinity];
/** For values whose range is every id JS can hold exactly (0..=2^53 - 1): 2^32 + 1 is fine there. */
const BAD_IDS = [-1, 2 ** 53, NaN, 1.5, Infinity, -Infinity];
const admitadId = () => `adm_js_input_${randomUUID().slice(0, 8)}`;
const admitad = (clientId = admitadId(), extra = {}) =>
  new AdmitadClient({ clientId, clientSecret: `secret_${clientId}`, scopes: ['statistics', 'banners', 'advcampaigns', 'coupons', 'manage_broken_links', 'manage_lost_orders', 'validate_links'], baseUrl: `${BASE}/admitad/`, ...extra });

/** The error of a call, thrown synchronously or as a rejection. */
async function failure(call) {
  try {
    await call();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

async function invalid(call, field, what) {
  const e = await failure(call);
  assert.equal(e?.name, 'AdkitError', `${what}: ${e}`);
  assert.equal(e.kind, 'invalid_input', `${what}: ${e.message}`);
  assert.equal(e.field, field, `${what}: ${e.message}`);
}

test('collect caps: a whole number 0..=2^32-1, never wrapped, clamped or defaulted', async () => {
  const c = admitad();
  const calls = {
    collectStatistics: (cap) => c.collectStatistics({ report: 'websites' }, cap),
    collectPrograms: (cap) => c.collectPrograms({}, cap),
    collectCoupons: (cap) => c.collectCoupons({}, cap),
    collectBanners: (cap) => c.collectBanners({ program: 6 }, cap),
  };
  for (const [name, collect] of Object.entries(calls)) {
    for (const cap of [...BAD_NUMBERS, '5', undefined, null, {}]) {
      await invalid(() => collect(cap), 'cap', `${name}(${String(cap)})`);
    }
  }
  assert.equal(c.tokenRequests, 0, 'nothing was sent');
});

test('timeoutMs and maxRetries: refused on every client, with the field named', async () => {
  const clients = {
    AdjustClient: (o) => new AdjustClient({ apiToken: 'adj_x', baseUrl: ADJUST, ...o }),
    AdaptyClient: (o) => new AdaptyClient({ secretKey: 'secret_x', baseUrl: `${BASE}/adapty/`, ...o }),
    AdmitadClient: (o) => admitad(admitadId(), o),
  };
  for (const [name, make] of Object.entries(clients)) {
    for (const bad of [...BAD_NUMBERS, '100', true]) {
      await invalid(() => make({ timeoutMs: bad }), 'timeoutMs', `${name} timeoutMs=${String(bad)}`);
      await invalid(() => make({ maxRetries: bad }), 'maxRetries', `${name} maxRetries=${String(bad)}`);
    }
    // 0 ms and anything past what a JS timer can wait (2^31 - 1 ms) would fire at once.
    await invalid(() => make({ timeoutMs: 0 }), 'timeoutMs', `${name} timeoutMs=0`);
    await invalid(() => make({ timeoutMs: 2 ** 31 }), 'timeoutMs', `${name} timeoutMs=2^31`);
    make({ timeoutMs: 2 ** 31 - 1, maxRetries: 0 });
  }
});

test('the other numbers: waitForTicket, paging, bulk, Admitad options and ids', async () => {
  const key = token('numbers');
  const adjust = new AdjustClient({ apiToken: key, baseUrl: ADJUST });
  for (const [field, bads] of [['timeoutMs', BAD_IDS], ['initialIntervalMs', BAD_NUMBERS], ['maxIntervalMs', BAD_NUMBERS]]) {
    for (const bad of bads) {
      await invalid(() => adjust.waitForTicket('t-1', { [field]: bad }), field, `waitForTicket ${field}=${bad}`);
    }
  }
  assert.deepEqual(await requestsOf(key), [], 'nothing reached the sandbox');

  const secret = `secret_js_numbers_${randomUUID().slice(0, 8)}`;
  const adapty = new AdaptyClient({ secretKey: secret, baseUrl: `${BASE}/adapty/` });
  for (const bad of BAD_NUMBERS) {
    await invalid(() => adapty.listPaywalls({ page: bad }), 'page', `page=${bad}`);
    await invalid(() => adapty.listPaywalls({ pageSize: bad }), 'pageSize', `pageSize=${bad}`);
    await invalid(() => adapty.bulk({ operation: 'delete' }, [{ customerUserId: 'x' }], { concurrency: bad }), 'concurrency', `concurrency=${bad}`);
  }
  await invalid(() => adapty.bulk({ operation: 'delete' }, [{ customerUserId: 'x' }], { stopOnAuthError: 'no' }), 'stopOnAuthError', 'stopOnAuthError');
  assert.deepEqual(await requestsOf(secret), [], 'nothing reached the sandbox');

  for (const bad of BAD_IDS) {
    await invalid(() => admitad(admitadId(), { refreshSkewMs: bad }), 'refreshSkewMs', `refreshSkewMs=${bad}`);
  }
  for (const bad of BAD_NUMBERS) {
    await invalid(() => admitad(admitadId(), { maxRequestsPerMinute: bad }), 'maxRequestsPerMinute', `maxRequestsPerMinute=${bad}`);
  }
  await invalid(() => admitad(admitadId(), { maxRequestsPerMinute: 0 }), 'maxRequestsPerMinute', 'maxRequestsPerMinute=0');
  const c = admitad();
  for (const bad of [...BAD_IDS, '7', undefined]) {
    await invalid(() => c.program({ id: bad }), 'id', `program({ id: ${String(bad)} })`);
    await invalid(() => c.resolveBrokenLinks({ linkIds: [1, bad] }), 'linkIds', `resolveBrokenLinks([1, ${String(bad)}])`);
  }
  await invalid(() => c.resolveBrokenLinks({ linkIds: 5 }), 'linkIds', 'resolveBrokenLinks({ linkIds: 5 })');
  await invalid(() => c.resolveBrokenLinks(5), 'request', 'resolveBrokenLinks(5)');
  await invalid(() => c.program({ id: 7, language: 5 }), 'language', 'program({ id: 7, language: 5 })');
  await invalid(() => c.callOperation('no_such_operation', {}), 'operation', 'an unknown operation');
  // Members of request objects: NaN and Infinity would cross JSON as null (a default); the rest fail
  // the member's type, with the member named.
  for (const bad of BAD_NUMBERS) {
    await invalid(() => c.statistics({ report: 'websites', limit: bad }), 'limit', `statistics limit=${bad}`);
    await invalid(() => c.banners({ program: 6, limit: bad }), 'limit', `banners limit=${bad}`);
  }
  for (const bad of [-1, NaN, 1.5, Infinity, -Infinity, 2 ** 53, -(2 ** 53)]) {
    await invalid(() => c.banners({ program: bad }), 'program', `banners program=${bad}`);
  }
  await invalid(() => c.coupons({ campaign: [1, 2.5] }), 'campaign', 'coupons campaign=[1, 2.5]');
  await invalid(() => c.createLostOrder({ program: 6, website: 22, orderId: 'A', orderDate: '05.03.2024', orderPrice: '1.00',
    comment: 'c', estimatedReward: '1.00', receipt: { fileName: 'r.pdf', contentType: 'application/pdf', bytes: [37, 300] } }),
  'receipt', 'receipt byte 300');
  assert.equal(c.tokenRequests, 0, 'nothing was sent');
});

test('wrong types are invalid_input, not TypeError or RangeError', async () => {
  const key = token('types');
  const adjust = new AdjustClient({ apiToken: key, baseUrl: ADJUST });
  await invalid(() => new AdjustClient('adj_token'), 'options', 'new AdjustClient(string)');
  await invalid(() => new AdaptyClient(5), 'options', 'new AdaptyClient(5)');
  await invalid(() => new AdmitadClient('x'), 'options', 'new AdmitadClient(string)');
  await invalid(() => adjust.getApp('abcdefabcdef', 5), 'options', 'call options 5');
  await invalid(() => adjust.waitForTicket(5), 'ticketToken', 'waitForTicket(5)');
  await invalid(() => adjust.waitForTicket(undefined), 'ticketToken', 'waitForTicket()');
  assert.deepEqual(await requestsOf(key), [], 'nothing reached the sandbox');

  const adapty = new AdaptyClient({ secretKey: `secret_js_types_${randomUUID().slice(0, 8)}`, baseUrl: `${BASE}/adapty/` });
  await invalid(() => adapty.getPaywall(5), 'paywallId', 'getPaywall(5)');
  await invalid(() => adapty.updatePaywall(null, { remoteConfigs: [] }), 'paywallId', 'updatePaywall(null)');
  await invalid(() => adapty.listPaywalls('page 2'), 'request', 'listPaywalls(string)');

  const c = admitad();
  await invalid(() => c.authorizationUrl(5), 'redirectUri', 'authorizationUrl(5)');
  await invalid(() => c.exchangeCode(5, 'https://example.com/cb'), 'code', 'exchangeCode(5)');
  await invalid(() => c.exchangeCode('code', {}), 'redirectUri', 'exchangeCode(code, {})');
  await invalid(() => c.validateLink({ link: 5 }), 'link', 'validateLink({ link: 5 })');
  await invalid(() => parseAdmitadCallback(5, 'x'), 'callback', 'parseAdmitadCallback(5)');
  await invalid(() => parseAdmitadCallback('https://e/cb?code=1&state=x', undefined), 'expectedState', 'parseAdmitadCallback(url)');
  await invalid(() => verifyAdmitadSignedRequest(5, 'secret'), 'signedRequest', 'verifyAdmitadSignedRequest(5)');
  await invalid(() => verifyAdmitadSignedRequest('a.b', 5), 'clientSecret', 'verifyAdmitadSignedRequest(a.b, 5)');
  assert.equal(c.tokenRequests, 0);
});

test('the webhook receiver takes a string, a Uint8Array or an ArrayBuffer body, and headers', () => {
  const receiver = new AdaptyWebhookReceiver({ productionAuthorization: 'Bearer in' });
  const headers = { authorization: 'Bearer in' };
  for (const body of [1e10, 5, undefined, null, {}, [1, 2], true]) {
    assert.throws(() => receiver.receive(headers, body), (e) => {
      assert.equal(e.name, 'AdkitError', `${String(body)}: ${e}`);
      assert.equal(e.kind, 'invalid_input');
      assert.equal(e.field, 'body');
      return true;
    });
  }
  for (const bad of [undefined, null, 'Bearer in', 5]) {
    assert.throws(() => receiver.receive(bad, '{}'), { name: 'AdkitError', kind: 'invalid_input', field: 'headers' });
  }
  assert.throws(() => new AdaptyWebhookReceiver('Bearer in'), { name: 'AdkitError', kind: 'invalid_input', field: 'options' });
  const bytes = new TextEncoder().encode('{}');
  assert.deepEqual(receiver.receive(headers, '{}'), { kind: 'verification' });
  assert.deepEqual(receiver.receive(headers, bytes), { kind: 'verification' });
  assert.deepEqual(receiver.receive(headers, bytes.buffer), { kind: 'verification' });
  assert.deepEqual(receiver.receive(headers, Buffer.from('{}')), { kind: 'verification' });
});
