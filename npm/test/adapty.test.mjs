// Adapty from Node through the npm package: every family against the sandbox, typed errors, bad input
// refused before sending, webhooks received by AdaptyWebhookReceiver over node:http, and bulk work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { AdaptyClient, AdaptyWebhookReceiver } from 'adkit';
import * as only from 'adkit/adapty';
import { BASE, requestsOf, queueFaults } from '../test-support.mjs';

const ROOT = `${BASE}/adapty/`;
const key = (name) => `secret_js_${name}_${randomUUID().slice(0, 8)}`;
const client = (k, extra = {}) => new AdaptyClient({ secretKey: k, baseUrl: ROOT, ...extra });

test('adkit/adapty is the same module as adkit', () => {
  assert.equal(only.AdaptyClient, AdaptyClient);
});

test('profile lifecycle, access levels and typed errors', async () => {
  const c = client(key('profile'));
  const user = { customerUserId: 'js-1' };
  const p = await c.createProfile(user, { email: 'ann@example.com', customAttributes: [{ key: 'level', value: 3 }, { key: 'colour', value: 'violet' }] });
  assert.equal(p.customerUserId, 'js-1');
  assert.deepEqual(p.customAttributes, [{ key: 'level', value: 3 }, { key: 'colour', value: 'violet' }]);
  assert.match(p.requestId, /^sbx-/);
  const granted = await c.grantAccessLevel({ profileId: p.profileId }, { accessLevelId: 'premium', expiresAt: '2099-01-01T00:00:00.000000+0000' });
  assert.equal(granted.accessLevels[0].expiresAt, '2099-01-01T00:00:00.000000+00:00', 'dates are normalised');
  await assert.rejects(c.grantAccessLevel(user, { accessLevelId: 'gold' }), { name: 'AdkitError', kind: 'api', status: 400, code: 'paid_access_level_does_not_exist' });
  const ack = await c.deleteProfile(user);
  assert.deepEqual(Object.keys(ack), ['requestId']);
  assert.match(ack.requestId, /^sbx-\d+$/, 'the acknowledgement carries the request id');
  await assert.rejects(c.getProfile(user), { kind: 'not_found', status: 404, code: 'profile_does_not_exist' });
  await assert.rejects(c.grantAccessLevel(user, { accessLevelId: 'premium' }), { kind: 'not_found', status: 400 });
  await assert.rejects(new AdaptyClient({ secretKey: 'wrong', baseUrl: ROOT }).getProfile(user), { kind: 'auth', status: 401, code: 'not_authenticated' });
});

test('bad input is refused before sending', async () => {
  const k = key('bad');
  const c = client(k);
  await assert.rejects(c.getProfile({}), { kind: 'invalid_input', field: 'user' });
  await assert.rejects(c.getProfile({ profileId: '3286abd3-48b0-4e9c-a5f6-ac0a006333a6', customerUserId: 'x' }), { kind: 'invalid_input', field: 'user' });
  await assert.rejects(c.getProfile({ customerUserId: 'a\r\nX-Evil: 1' }), { kind: 'invalid_input', field: 'customerUserId' });
  await assert.rejects(c.updateProfile({ customerUserId: 'x' }, { customAttributes: [{ key: 'x'.repeat(31), value: 1 }] }), { kind: 'invalid_input', field: 'customAttributes.key' });
  await assert.rejects(c.updateProfile({ customerUserId: 'x' }, { customAttributes: [{ key: 'ключ', value: 1 }] }), { kind: 'invalid_input' });
  await assert.rejects(c.revokeAccessLevel({ customerUserId: 'x' }, { accessLevelId: 'premium', revokeAt: '01/02/2030' }), { kind: 'invalid_input', field: 'revokeAt' });
  await assert.rejects(c.grantAccessLevel({ customerUserId: 'x' }, {}), { kind: 'invalid_input', field: 'accessLevelId' });
  assert.throws(() => new AdaptyClient({ baseUrl: ROOT }), { kind: 'invalid_input', field: 'secretKey' });
  assert.deepEqual(await requestsOf(k), [], 'nothing reached the sandbox');
});

test('paywalls, virtual currency and exports in JSON and CSV', async () => {
  const c = client(key('misc'));
  const page = await c.listPaywalls({ page: 2, pageSize: 20 });
  assert.deepEqual(page.pagination, { count: 45, page: 2, pages: 3 });
  const sizes = [];
  for await (const p of c.paywallsPages({ pageSize: 20 })) sizes.push(p.items.length);
  assert.deepEqual(sizes, [20, 20, 5], 'core walks the pages');
  const all = await c.collectPaywalls(undefined, 45);
  assert.equal(new Set(all.map((p) => p.paywallId)).size, 45);
  await assert.rejects(c.collectPaywalls({}, 44), { kind: 'invalid_input', field: 'cap' });
  await assert.rejects(c.collectPaywalls({}, 2 ** 32 + 1), { kind: 'invalid_input', field: 'cap' });
  const pw = await c.updatePaywall(page.items[0].paywallId, { remoteConfigs: [{ locale: 'fr', data: '{"t":"Allez"}' }] });
  assert.deepEqual(pw.remoteConfigs, [{ locale: 'fr', data: '{"t":"Allez"}' }]);
  await assert.rejects(c.updatePaywall(pw.paywallId, { remoteConfigs: [{ locale: 'fr', data: 'not json' }] }), { kind: 'invalid_input', field: 'remoteConfigs.data' });
  const user = { customerUserId: 'wallet' };
  await c.createProfile(user, {});
  const r = await c.createVirtualCurrencyTransaction(user, { items: [{ currencyCode: 'gems', amount: 7 }], metadata: { order_id: 'A1' } });
  assert.equal(r.balances[0].balance, 7);
  const again = await c.createVirtualCurrencyTransaction(user, { items: [{ currencyCode: 'gems', amount: 7 }], idempotencyKey: r.idempotencyKey });
  assert.equal(again.transactionId, r.transactionId, 'same key, same result');
  const history = await c.listVirtualCurrencyTransactions(user, {});
  assert.equal(history.items.length, 1);
  assert.deepEqual(history.items[0].metadata, { order_id: 'A1' }, 'user map keys are kept');
  await c.createVirtualCurrencyTransaction(user, { items: [{ currencyCode: 'gems', amount: 1 }] });
  await c.createVirtualCurrencyTransaction(user, { items: [{ currencyCode: 'gems', amount: 1 }] });
  const walked = [];
  for await (const p of c.virtualCurrencyTransactionsPages(user, { limit: 2 })) walked.push(p.items.length);
  assert.deepEqual(walked, [2, 1]);
  const entries = await c.collectVirtualCurrencyTransactions(user, { limit: 2 }, 3);
  assert.equal(entries.at(-1).transactionId, r.transactionId, 'newest first, the oldest last');
  await assert.rejects(c.collectVirtualCurrencyTransactions(user, undefined, 2), { kind: 'invalid_input', field: 'cap' });
  const json = await c.exportPlacements({ placementType: 'paywall' });
  const csv = await c.exportPlacements({ placementType: 'paywall', format: 'csv' });
  assert.equal(csv.format, 'csv');
  assert.match(csv.raw, /^developer_id,/);
  assert.deepEqual(csv.rows, json.rows);
  const cohort = await c.exportCohort({ filters: { date: ['2024-01-01', '2024-12-31'] }, format: 'csv' });
  assert.deepEqual(cohort.table.columns, ['date', 'cohort', 'installs']);
  await assert.rejects(c.exportLtv({ filters: { date: ['2024-12-31', '2024-01-01'] } }), { kind: 'invalid_input', field: 'filters.date' });
});

test('the Web API takes the public key', async () => {
  const web = new AdaptyClient({ publicKey: `public_js_${randomUUID().slice(0, 8)}`, baseUrl: ROOT });
  const pw = await web.getWebPaywall({ store: 'app_store', placementId: 'main', customerUserId: 'w' });
  assert.equal(pw.products[0].offer.type, 'free_trial');
  await web.setWebAttribution({ status: 'non_organic', channel: 'Google Ads', customerUserId: 'w' });
  await assert.rejects(web.getProfile({ customerUserId: 'w' }), { kind: 'invalid_input', field: 'secretKey' });
});

test('webhooks end to end: handshake, typed events, authorization checked', async () => {
  const receiver = new AdaptyWebhookReceiver({ productionAuthorization: 'Bearer js-hook' });
  const seen = [];
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    try {
      seen.push(receiver.receive(req.headers, new Uint8Array(Buffer.concat(chunks))));
      res.writeHead(200, { 'content-type': 'application/json' }).end(receiver.ackBody);
    } catch (e) {
      res.writeHead(e.kind === 'verification' ? 401 : 400).end('{}');
    }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const k = key('hook');
    const register = (authorization) => fetch(`${BASE}/__sandbox/adapty/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: k, url: `http://127.0.0.1:${server.address().port}/`, authorization }),
    });
    assert.equal((await register('Bearer nope')).status, 400, 'a wrong value fails the handshake');
    assert.equal((await register('Bearer js-hook')).status, 200);
    assert.deepEqual(seen[0], { kind: 'verification' });
    const c = client(k);
    const user = { customerUserId: 'hooked' };
    await c.createProfile(user, {});
    await c.grantAccessLevel(user, { accessLevelId: 'pro' });
    for (let i = 0; i < 100 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const { kind, event } = seen[1];
    assert.equal(kind, 'event');
    assert.equal(event.eventType, 'access_level_updated');
    assert.equal(event.eventProperties.accessLevelId, 'pro');
    assert.match(event.dedupeKey, /^evt-/);
    assert.deepEqual(event.userAttributes, { Favourite_color: 'Violet' }, 'vendor maps keep their keys');
    assert.throws(() => receiver.receive({ Authorization: 'Bearer js-hooK' }, '{}'), { kind: 'verification' });
    assert.throws(() => receiver.receive([['authorization', 'Bearer js-hook']], '{oops'), { kind: 'invalid_input', field: 'body' });
  } finally {
    server.close();
  }
});

test('bulk: bounded concurrency, retries, progress, one result per user in order', async () => {
  const k = key('bulk');
  const c = client(k);
  const users = Array.from({ length: 30 }, (_, i) => ({ customerUserId: `b-${i}` }));
  for (const u of users) await c.createProfile(u, {});
  await queueFaults(k, [{ status: 503 }, { status: 503 }]);
  const progress = [];
  const report = await c.bulk({ operation: 'delete' }, [...users, { customerUserId: 'ghost' }], {
    concurrency: 8, onProgress: (p) => progress.push(p.done),
  });
  assert.equal(report.items.length, 31);
  assert.deepEqual([report.succeeded, report.failed], [30, 1]);
  assert.deepEqual(report.items.map((i) => i.index), [...Array(31).keys()]);
  assert.equal(report.items[30].failure.kind, 'not_found');
  assert.deepEqual(progress.sort((a, b) => a - b), [...Array(31).keys()].map((i) => i + 1));
  await assert.rejects(c.getProfile(users[0]), { kind: 'not_found' });
  await assert.rejects(c.bulk({ operation: 'grant', request: { accessLevelId: 'pro' } }, [{ customerUserId: 'ok' }, {}]), { kind: 'invalid_input', field: 'user' });
});
