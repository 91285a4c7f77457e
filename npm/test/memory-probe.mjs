// Run by memory.test.mjs in a child `node --expose-gc` (so the numbers are this process's alone):
//   node --expose-gc test/memory-probe.mjs rss   — peak RSS growth while a 64 MiB chunked answer is refused
//   node --expose-gc test/memory-probe.mjs heap  — JS heap growth over 10,000 calls
// Prints one JSON line with what it measured; the test asserts on it.
import { AdjustClient, AdmitadClient } from 'adkit';
import { ADJUST, BASE, queueFaults, token } from '../test-support.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

const MiB = 1024 * 1024;
const settle = async () => {
  // Several rounds: FinalizationRegistry callbacks and weak references need a turn of the loop.
  for (let i = 0; i < 6; i++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 10));
  }
};
const failure = (p) => p.then(() => null, (e) => e);

async function rss() {
  const key = token('rss');
  const c = new AdjustClient({ apiToken: key, baseUrl: ADJUST, maxRetries: 0 });
  // Warm up the module, the connection pool and the chunked read path (a small chunked answer).
  await failure(c.getApp('abcdefabcdef'));
  await queueFaults(key, [{ oversized_bytes: 256 * 1024, chunked: true }]);
  await failure(c.getApp('abcdefabcdef'));
  await settle();
  const before = process.resourceUsage().maxRSS * 1024;
  await queueFaults(key, [{ oversized_bytes: 64 * MiB, chunked: true }]);
  const e = await failure(c.getApp('abcdefabcdef'));
  const after = process.resourceUsage().maxRSS * 1024;
  return {
    kind: e?.kind, transportKind: e?.transportKind, peakGrowthBytes: after - before,
  };
}

async function heap() {
  const CALLS = Number(process.argv[3] ?? 10_000);
  const CONCURRENCY = 25;
  const adjust = new AdjustClient({ apiToken: token('heap'), baseUrl: ADJUST });
  const clientId = `adm_js_heap_${Date.now()}`;
  const admitad = new AdmitadClient({ clientId, clientSecret: `secret_${clientId}`, scopes: ['private_data'], baseUrl: `${BASE}/admitad/` });
  const app = (await adjust.createApp({ storeId: 'com.example.heap', platform: 'android', name: 'Heap', bundleId: 'com.example.heap' })).adjustAppToken;
  let n = 0;
  const run = async (calls) => {
    const worker = async () => {
      const signal = new AbortController().signal; // one that never fires: its listener must go too
      while (n < calls) {
        n += 1;
        if (n % 2) await adjust.getApp(app, { signal });
        else await admitad.me();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await run(3_000); // warm up (token, caches, optimised code, wasm memory)
  await settle();
  const before = process.memoryUsage().heapUsed;
  n = 0;
  await run(CALLS);
  await settle();
  const after = process.memoryUsage().heapUsed;
  return { calls: CALLS, heapGrowthBytes: after - before, before, after };
}

const mode = process.argv[2];
const result = mode === 'rss' ? await rss() : mode === 'heap' ? await heap() : null;
if (!result) throw new Error(`unknown mode ${mode}`);
process.stdout.write(`${JSON.stringify(result)}\n`);
