// Memory bounds of the JS transport, each measured in a child `node --expose-gc` (memory-probe.mjs):
// a body over the size cap is refused while it streams in (not after buffering it whole), and calls
// leave nothing behind on the JS heap (no wasm-bindgen closures or abort listeners kept per call).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const MiB = 1024 * 1024;
const cwd = fileURLToPath(new URL('..', import.meta.url));

async function probe(mode) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', 'test/memory-probe.mjs', mode], {
    cwd, env: process.env, maxBuffer: MiB,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

test('a 64 MiB chunked answer is cut off at the 16 MiB cap without buffering it', async () => {
  const r = await probe('rss');
  assert.equal(r.kind, 'transport');
  assert.equal(r.transportKind, 'body_too_large');
  assert.ok(r.peakGrowthBytes < 40 * MiB, `peak RSS grew by ${(r.peakGrowthBytes / MiB).toFixed(1)} MiB`);
});

test('10,000 calls leave the JS heap where it was', async () => {
  const r = await probe('heap');
  assert.ok(r.heapGrowthBytes < 2 * MiB, `heap grew by ${(r.heapGrowthBytes / MiB).toFixed(2)} MiB over ${r.calls} calls`);
});
