// Admitad from Node through the npm package: the authorization-code flow, the managed token with
// onTokens, stored tokens, a refresh storm, async-iterable pages that follow `_meta`, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { AdmitadClient, parseAdmitadCallback, verifyAdmitadSignedRequest } from 'adkit';
import * as only from 'adkit/admitad';
import { BASE } from '../test-support.mjs';

const ROOT = `${BASE}/admitad/`;
const id = (name) => `adm_js_${name}_${randomUUID().slice(0, 8)}`;
const client = (clientId, scopes, extra = {}) =>
  new AdmitadClient({ clientId, clientSecret: `secret_${clientId}`, scopes, baseUrl: ROOT, ...extra });

test('adkit/admitad is the same module as adkit', () => {
  assert.equal(only.AdmitadClient, AdmitadClient);
});

test('authorization-code flow, onTokens, stored tokens', async () => {
  const seen = [];
  const cid = id('code');
  const c = client(cid, ['private_data'], { onTokens: (t) => seen.push(t) });
  const redirectUri = 'http://127.0.0.1:9/cb';
  const { url, state } = c.authorizationUrl(redirectUri);
  assert.equal(state.length, 32);
  const r = await fetch(url, { redirect: 'manual' });
  assert.equal(r.status, 302);
  const location = r.headers.get('location');
  assert.throws(() => parseAdmitadCallback(location, '0'.repeat(32)), { name: 'AdkitError', kind: 'verification' });
  const tokens = await c.exchangeCode(parseAdmitadCallback(location, state), redirectUri);
  assert.equal(tokens.scope, 'private_data');
  assert.equal((await c.me()).username, 'webmaster1');
  assert.deepEqual(seen, [tokens]);
  const restored = client(cid, ['private_data'], { tokens: c.tokens });
  await restored.me();
  assert.equal(restored.tokenRequests, 0);
});

test('refresh storm: 300 concurrent calls on an expired token make one token request', async () => {
  const cid = id('storm');
  const c = client(cid, ['private_data']);
  await c.me();
  const stale = client(cid, ['private_data'], { tokens: { ...c.tokens, expiresAtMs: 0 } });
  await Promise.all(Array.from({ length: 300 }, () => stale.me()));
  assert.equal(stale.tokenRequests, 1);
});

test('for await over pages follows _meta; collect needs a cap', async () => {
  const c = client(id('pages'), ['statistics']);
  const offsets = [];
  for await (const page of c.statisticsPages({ report: 'dates', limit: 500, offset: 99_000 })) offsets.push(page.offset);
  assert.deepEqual(offsets, [99_000, 99_300, 99_600, 99_900]);
  const rows = await c.collectStatistics({ report: 'websites', limit: 500, offset: 99_500 }, 500);
  assert.equal(rows.length, 500);
  assert.equal(typeof rows[0].paymentSumOpen, 'string', 'money stays exact text');
  assert.equal(rows[0].row.website_id, '0', 'the raw row keeps its keys');
  await assert.rejects(c.collectStatistics({ report: 'websites', offset: 99_000 }, 999), { kind: 'invalid_input', field: 'cap' });
});

test('bad input is refused before sending', async () => {
  const c = client(id('bad'), ['statistics', 'deeplink_generator']);
  await assert.rejects(c.statistics({ report: 'websites', limit: 501 }), { kind: 'invalid_input', field: 'limit' });
  await assert.rejects(c.statistics({ report: 'websites', dateStart: '02.01.2024', dateEnd: '01.01.2024' }), { kind: 'invalid_input', field: 'dateEnd' });
  await assert.rejects(c.deeplinks({ websiteId: 1, campaignId: 2, ulp: Array(201).fill('https://e/') }), { kind: 'invalid_input', field: 'ulp' });
  await assert.rejects(c.deeplinks({ websiteId: 1, campaignId: 2, ulp: ['https://e/'], subid: 'x'.repeat(51) }), { kind: 'invalid_input', field: 'subid' });
  assert.throws(() => c.authorizationUrl('http://example.com/cb'), { kind: 'invalid_input', field: 'redirectUri' });
  assert.throws(() => client(id('x'), ['payments']), { kind: 'invalid_input', field: 'scopes' });
  assert.throws(() => client(id('x'), []).authorizationUrl('https://example.com/cb'), { kind: 'invalid_input', field: 'scopes' });
  assert.equal(c.tokenRequests, 0);
});

test('signed_request', () => {
  const secret = 'a0f8a8b24de8b8182a0ddd2e89f5b1';
  const payload = Buffer.from(JSON.stringify({ username: 'webmaster1', id: 1, algorithm: 'HMAC-SHA256' })).toString('base64');
  const sig = createHmac('sha256', secret).update(payload).digest('hex');
  assert.equal(verifyAdmitadSignedRequest(`${sig}.${payload}`, secret).username, 'webmaster1');
  assert.throws(() => verifyAdmitadSignedRequest(`${sig}.${payload}x`, secret), { kind: 'verification' });
});

test('publisher lists: loose types, per-ad-space variants, link checker, broken links', async () => {
  const c = client(id('pub'), ['websites', 'advcampaigns_for_website', 'advcampaigns', 'coupons_for_website', 'validate_links', 'manage_broken_links']);
  const sites = await c.websites();
  assert.deepEqual(sites.items.map((w) => w.id), [22, 23], 'string and number ids');
  const programs = await c.collectPrograms({ website: 22, hasTool: ['deeplink'], limit: 50 }, 500);
  assert.equal(programs.length, 120);
  assert.equal(programs[5].epc, '0.06', 'money as exact text');
  assert.equal((await c.program({ id: 7 })).rating, '7.5');
  await assert.rejects(c.program({ id: 999 }), { kind: 'not_found' });
  const coupons = await c.collectCoupons({ website: 22, campaign: [2, 3], limit: 500 }, 100);
  assert.equal(coupons.length, 20);
  assert.ok(coupons.every((x) => x.promocode));
  assert.equal((await c.validateLink({ link: 'https://elsewhere.example/' })).valid, false);
  assert.deepEqual((await c.resolveBrokenLinks({ linkIds: [10, 20] })).resolved, [10, 20]);
  const sizes = [];
  for await (const page of c.couponsPages({ website: 22, limit: 25 })) sizes.push(page.items.length);
  assert.deepEqual(sizes, [25, 25, 10]);
  await assert.rejects(c.collectCoupons({ dateStart: '02.01.2024', dateEnd: '01.01.2024' }, 10), { kind: 'invalid_input', field: 'dateEnd' });
});
