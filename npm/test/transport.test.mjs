// The fault matrix from Node (the rows where transports differ; README "Faults, and what each surface
// does with them"): for a repeatable GET (Adapty getProfile) and a POST that is never repeated (Adapty
// revokeAccessLevel), with the default 3 attempts, the error kind and the number of attempts the sandbox
// counted. Faults below HTTP (a reset connection, a body shorter than its Content-Length) come from the
// sandbox's raw listener, ADKIT_RAW_FAULTS_URL (the third line of its stdout, `raw-faults <url>`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AdaptyClient } from 'adkit';
import { BASE, otherOriginSeen, queueFaults, requestsOf } from '../test-support.mjs';

const RAW = process.env.ADKIT_RAW_FAULTS_URL;
// Without the raw listener's URL those rows cannot run: that is a failure, never a skip.
if (!RAW) throw new Error('set ADKIT_RAW_FAULTS_URL (the sandbox prints it as `raw-faults <url>`)');

const MiB = 1024 * 1024;
const ROOT = `${BASE}/adapty/`;
const USER = { customerUserId: 'fault-row' };
const key = (name) => `secret_js_${name}_${randomUUID().slice(0, 8)}`;
const client = (secretKey, extra = {}) => new AdaptyClient({ secretKey, baseUrl: ROOT, ...extra });
/** The two rows of every fault: a GET the driver may repeat and a POST it never repeats. */
const get = (c, options) => c.getProfile(USER, options);
const post = (c, options) => c.revokeAccessLevel(USER, { accessLevelId: 'premium' }, options);
const rejection = (p) => p.then((v) => assert.fail(`expected a rejection, got ${JSON.stringify(v)}`), (e) => e);
const attempts = async (k) => (await requestsOf(k)).length;
const rawHits = async (tag) => (await (await fetch(`${BASE}/__sandbox/raw-hits?tag=${tag}`)).json()).hits;

test('connection reset: GET 3 attempts, POST 1, kind transport/other', async () => {
  for (const [send, expected] of [[get, 3], [post, 1]]) {
    const tag = `reset${randomUUID().slice(0, 8)}`;
    const e = await rejection(send(client(key('reset'), { baseUrl: `${RAW}/reset/${tag}/` })));
    assert.equal(e.name, 'AdkitError');
    assert.equal(e.kind, 'transport', send.name);
    assert.equal(e.transportKind, 'other', send.name);
    assert.equal(await rawHits(tag), expected, send.name);
  }
  // maxRetries sets the attempts of a repeatable request.
  const tag = `reset${randomUUID().slice(0, 8)}`;
  await rejection(get(client(key('reset'), { baseUrl: `${RAW}/reset/${tag}/`, maxRetries: 0 })));
  assert.equal(await rawHits(tag), 1, 'maxRetries 0');
});

test('a body shorter than its Content-Length: GET 3 attempts, POST 1, kind transport/other', async () => {
  for (const [send, expected] of [[get, 3], [post, 1]]) {
    const tag = `trunc${randomUUID().slice(0, 8)}`;
    const e = await rejection(send(client(key('trunc'), { baseUrl: `${RAW}/truncated/${tag}/` })));
    assert.equal(e.kind, 'transport', send.name);
    assert.equal(e.transportKind, 'other', send.name);
    assert.equal(await rawHits(tag), expected, send.name);
  }
});

test('a body over the cap, with and without Content-Length: 1 attempt, body_too_large', async () => {
  for (const send of [get, post]) {
    for (const chunked of [false, true]) {
      const k = key('big');
      await queueFaults(k, [{ oversized_bytes: 17 * MiB, chunked }]);
      const e = await rejection(send(client(k)));
      assert.equal(e.kind, 'transport');
      assert.equal(e.transportKind, 'body_too_large', `${send.name} chunked=${chunked}`);
      assert.equal(await attempts(k), 1, `${send.name} chunked=${chunked}`);
    }
  }
});

test('a body slower than the timeout: GET 3 attempts, POST 1, kind transport/timeout', async () => {
  for (const [send, expected] of [[get, 3], [post, 1]]) {
    const k = key('slow');
    await queueFaults(k, [{ slow_body_ms: 3000, times: 3 }]);
    const e = await rejection(send(client(k, { timeoutMs: 300 })));
    assert.equal(e.kind, 'transport', send.name);
    assert.equal(e.transportKind, 'timeout', send.name);
    assert.equal(await attempts(k), expected, send.name);
  }
});

test('a redirect to another origin: GET follows it without credentials or vendor headers, POST does not follow', async () => {
  const other = process.env.ADKIT_OTHER_ORIGIN;
  assert.ok(other, 'ADKIT_OTHER_ORIGIN is set');
  const k = key('xorigin');
  const before = (await otherOriginSeen()).length;
  await queueFaults(k, [{ redirect_to: `${other}/x` }]);
  await rejection(get(client(k)));
  const seen = await otherOriginSeen();
  assert.equal(seen.length, before + 1, 'the GET followed the redirect once');
  const headers = seen.at(-1).headers;
  for (const h of ['authorization', 'adapty-customer-user-id', 'adapty-profile-id', 'cookie']) {
    assert.ok(!headers.includes(h), `${h} reached the other origin: ${headers.join()}`);
  }
  assert.ok(headers.includes('x-adkit-client'));
  assert.equal(await attempts(k), 1);

  const postKey = key('xoriginpost');
  const beforePost = (await otherOriginSeen()).length;
  await queueFaults(postKey, [{ redirect_to: `${other}/x` }]);
  const e = await rejection(post(client(postKey)));
  assert.equal(e.kind, 'api');
  assert.equal(e.status, 302);
  assert.equal((await otherOriginSeen()).length, beforePost, 'the POST did not follow');
  assert.equal(await attempts(postKey), 1);
});

test('a redirect loop: GET ends with transport/redirect after 5 hops (6 requests), POST does not follow', async () => {
  const k = key('loop');
  await queueFaults(k, [{ redirect_to: `${ROOT}profile/`, times: 10 }]);
  const e = await rejection(get(client(k)));
  assert.equal(e.kind, 'transport');
  assert.equal(e.transportKind, 'redirect');
  assert.equal(await attempts(k), 6, 'the request and 5 hops, never repeated');

  const postKey = key('looppost');
  await queueFaults(postKey, [{ redirect_to: `${ROOT}purchase/profile/revoke/access-level/`, times: 10 }]);
  const p = await rejection(post(client(postKey)));
  assert.equal(p.kind, 'api');
  assert.equal(p.status, 302);
  assert.equal(await attempts(postKey), 1);
});

test('cancel: kind cancelled, the request counted at most once', async () => {
  for (const send of [get, post]) {
    const k = key('cancel');
    await queueFaults(k, [{ delay_ms: 2000 }]);
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await rejection(send(client(k), { signal: ac.signal }));
    assert.equal(e.kind, 'cancelled', send.name);
    assert.ok((await attempts(k)) <= 1, send.name);

    const early = key('cancelled');
    assert.equal((await rejection(send(client(early), { signal: AbortSignal.abort() }))).kind, 'cancelled');
    assert.equal(await attempts(early), 0, 'an aborted signal sends nothing');
  }
});
