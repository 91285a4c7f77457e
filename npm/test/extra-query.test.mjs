// `extraQuery` (query parameters adkit does not know yet) on every vendor, as the sandbox saw them; an ad space by
// name; ad-space paging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AdaptyClient, AdjustClient, AdmitadClient } from 'adkit';
import { ADJUST, BASE, requestsOf, token } from '../test-support.mjs';

const EXTRA = { brand_new: 'yes please', tag: ['a', 'b&c'], city: 'Zürich', n: 5, ok: true, skipped: undefined };
const SUFFIX = 'brand_new=yes+please&tag=a&tag=b%26c&city=Z%C3%BCrich&n=5&ok=true';
const withSuffix = (path) => path + (path.includes('?') ? '&' : '?') + SUFFIX;
const paths = async (key) => (await requestsOf(encodeURIComponent(key))).map((r) => r.path);
const admitad = (scopes) => {
  const clientId = `adm_js_xq_${randomUUID().slice(0, 8)}`;
  return new AdmitadClient({ clientId, clientSecret: `secret_${clientId}`, scopes, baseUrl: `${BASE}/admitad/` });
};

test('Adjust and Adapty calls carry the extra pairs after their own; bad ones are refused before sending', async () => {
  const apiToken = token('xq');
  const adjust = new AdjustClient({ apiToken, baseUrl: ADJUST });
  const store = 'com.example.js.xq';
  const created = await adjust.createApp({ storeId: store, platform: 'android', name: 'Xq', bundleId: store }, { extraQuery: EXTRA });
  await adjust.getApp(created.adjustAppToken);
  await adjust.getApp(created.adjustAppToken, { extraQuery: EXTRA });
  await adjust.findApp(store, 'android', { extraQuery: { tag: 'x' } });
  let log = await paths(apiToken);
  assert.equal(log[0], `/adjust/api/app?${SUFFIX}`);
  assert.equal(log[2], withSuffix(log[1]));
  assert.match(log[3], /^\/adjust\/api\/app\?store_id=com\.example\.js\.xq&platform=android&tag=x$/);
  const sent = log.length;
  for (const [extraQuery, field] of [
    [{ '': 'x' }, 'extraQuery.'], [{ bad_name: null }, 'extraQuery.bad_name'], [{ when: new Date() }, 'extraQuery.when'],
    [{ n: NaN }, 'extraQuery.n'], [{ t: [['nested']] }, 'extraQuery.t'], [{ crlf: 'a\r\nb' }, 'extraQuery.crlf'],
    [['a', 'b'], 'extraQuery'], ['a=b', 'extraQuery'],
  ]) {
    await assert.rejects(adjust.getApp(created.adjustAppToken, { extraQuery }), { name: 'AdkitError', kind: 'invalid_input', field });
  }
  await assert.rejects(adjust.waitForTicket('abc', { extraQuery: { a: 'b' } }), { kind: 'invalid_input', field: 'extraQuery' });
  assert.equal((await paths(apiToken)).length, sent, 'nothing sent');

  const secretKey = `secret_js_xq_${randomUUID().slice(0, 8)}`;
  const adapty = new AdaptyClient({ secretKey, baseUrl: `${BASE}/adapty/` });
  const user = { customerUserId: 'xq-1' };
  await adapty.createProfile(user, {}, { extraQuery: EXTRA });
  await adapty.getProfile(user);
  await adapty.getProfile(user, { extraQuery: EXTRA });
  await adapty.listPaywalls({ pageSize: 5 });
  await adapty.listPaywalls({ pageSize: 5 }, { extraQuery: EXTRA });
  log = await paths(secretKey);
  assert.equal(log[0], `${log[1]}?${SUFFIX}`);
  assert.equal(log[2], withSuffix(log[1]));
  assert.equal(log[4], withSuffix(log[3]));
  await assert.rejects(adapty.getProfile(user, { extraQuery: { ' ': 'x' } }), { kind: 'invalid_input', field: 'extraQuery. ' });
  await assert.rejects(adapty.bulk({ operation: 'delete' }, [user], { extraQuery: { a: 'b' } }), { kind: 'invalid_input' });
});

test('Admitad calls, every page of a list and collect carry the extra pairs; never the token request', async () => {
  const c = admitad(['public_data', 'private_data', 'websites', 'statistics']);
  assert.equal((await c.me({ extraQuery: EXTRA })).username, 'webmaster1');
  const sizes = [];
  for await (const page of c.codesPages({ list: 'website_regions', limit: 30 }, { extraQuery: EXTRA })) sizes.push(page.items.length);
  assert.deepEqual(sizes, [30, 30, 20]);
  assert.equal((await c.collectCodes({ list: 'website_regions', limit: 30 }, 100, { extraQuery: EXTRA })).length, 80);
  assert.equal((await c.collectStatistics({ report: 'dates', limit: 500, offset: 99_500 }, 1000, { extraQuery: { q: 1 } })).length, 500);
  const log = await paths(c.tokens.accessToken);
  assert.equal(log[0], `/admitad/me/?${SUFFIX}`);
  assert.equal(log.length, 9, log.join('\n'));
  assert.ok(log.slice(1, 7).every((p) => p.endsWith(`&${SUFFIX}`)), log.join('\n'));
  assert.deepEqual(log.slice(1, 4).map((p) => new URL(p, BASE).searchParams.get('offset')), ['0', '30', '60']);
  assert.ok(log.slice(7).every((p) => p.startsWith('/admitad/statistics/dates/') && p.endsWith('&q=1')), log.join('\n'));
  assert.equal(c.tokenRequests, 1);
  assert.throws(() => c.codesPages({ list: 'website_kinds' }, { extraQuery: { '': 'x' } }), { kind: 'invalid_input', field: 'extraQuery.' });
  await assert.rejects(c.collectCodes({ list: 'website_kinds' }, 10, { extraQuery: { x: {} } }), { kind: 'invalid_input', field: 'extraQuery.x' });
  await assert.rejects(c.websites(undefined, { extraQuery: { x: Symbol('s') } }), { kind: 'invalid_input', field: 'extraQuery.x' });
  assert.equal((await paths(c.tokens.accessToken)).length, 9, 'nothing sent');
});

test('an ad space by name; ad spaces page by page and collected', async () => {
  const c = admitad(['websites']);
  const blog = await c.websiteByName({ name: 'My blog' });
  assert.deepEqual([blog.id, blog.name, blog.isOld], [22, 'My blog', true]);
  await assert.rejects(c.websiteByName({ name: 'Мой блог' }), { kind: 'not_found' });
  await assert.rejects(c.websiteByName({ name: '..' }), { kind: 'invalid_input', field: 'name' });
  assert.deepEqual(await paths(c.tokens.accessToken), [
    '/admitad/websites/v2/My%20blog/?search_by=name',
    '/admitad/websites/v2/%D0%9C%D0%BE%D0%B9%20%D0%B1%D0%BB%D0%BE%D0%B3/?search_by=name',
  ]);
  const pages = [];
  for await (const page of c.websitesPages()) pages.push(page.items.map((w) => w.id));
  assert.deepEqual(pages, [[22, 23]]);
  assert.deepEqual((await c.collectWebsites({}, 10)).map((w) => w.name), ['My blog', 'My channel']);
  await assert.rejects(c.collectWebsites({}, 1), { kind: 'invalid_input', field: 'cap' });
  const t = c.tokens;
  assert.deepEqual([t.firstName, t.lastName, t.language, t.group, t.code], ['name', 'surname', 'ru', 'webmaster', null]);
  assert.equal(t.raw.group, 'webmaster');
  assert.ok(!('access_token' in t.raw) && !('refresh_token' in t.raw));
});
