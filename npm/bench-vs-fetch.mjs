// adkit beside the call a JS user would write by hand — `fetch` with the same headers and
// `JSON.parse` of the body — on three Admitad calls (`/me/`, one programs page, a 500-row statistics page),
// 1 and 32 in flight, against a sandbox in another process. Each measurement runs in a child process of its
// own (CPU time and peak RSS are that side's alone), the two sides interleaved for seven rounds; medians.
//   ADKIT_SANDBOX_URL=http://127.0.0.1:PORT node npm/bench-vs-fetch.mjs   (after `npm run build` or tests/build-npm.sh)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const base = process.env.ADKIT_SANDBOX_URL;
if (!base) throw new Error('set ADKIT_SANDBOX_URL to a sandbox in another process (adkit-sandbox --port 0)');
const ROUNDS = 7;
const CALLS = [['me', 1000], ['programs', 500], ['statistics500', 40]];

async function child(side, call, inFlight, n) {
  const { AdmitadClient } = await import('adkit');
  const client = new AdmitadClient({
    clientId: 'adm_node_vs', clientSecret: 'secret_adm_node_vs', scopes: ['private_data', 'advcampaigns', 'statistics'],
    baseUrl: `${base}/admitad/`,
  });
  await client.me(); // the token, and a warm connection
  const token = client.tokens.accessToken;
  const url = { me: `${base}/admitad/me/`, programs: `${base}/admitad/advcampaigns/`, statistics500: `${base}/admitad/statistics/websites/?limit=500` }[call];
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const one = side === 'adkit'
    ? { me: () => client.me(), programs: () => client.programs({}), statistics500: () => client.statistics({ report: 'websites', limit: 500 }) }[call]
    : async () => {
      const r = await fetch(url, { headers });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return JSON.parse(await r.text());
    };
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  const worker = async () => { while (next < n) { next += 1; await one(); } };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const secs = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(`${secs} ${(used.user + used.system) / 1000} ${process.resourceUsage().maxRSS}`);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
} else {
  const me = fileURLToPath(import.meta.url);
  const run = (side, call, inFlight, n) => {
    const r = spawnSync(process.execPath, [me, '--child', side, call, String(inFlight), String(n)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${side} ${call}: ${r.stderr}`);
    return r.stdout.trim().split(/\s+/).map(Number);
  };
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  console.log('call           in flight | adkit calls/s  fetch calls/s  ratio | adkit CPU/call  fetch CPU/call  ratio | adkit RSS  fetch RSS (MiB)');
  for (const [call, n] of CALLS) {
    for (const inFlight of [1, 32]) {
      const a = [];
      const b = [];
      for (let i = 0; i < ROUNDS; i += 1) {
        a.push(run('adkit', call, inFlight, n));
        b.push(run('fetch', call, inFlight, n));
      }
      const rate = (v) => median(v.map((x) => n / x[0]));
      const cpu = (v) => median(v.map((x) => (x[1] * 1000) / n));
      const rss = (v) => median(v.map((x) => x[2] / 1024));
      const [ra, rb, ca, cb] = [rate(a), rate(b), cpu(a), cpu(b)];
      console.log(`${call.padEnd(14)} ${String(inFlight).padStart(9)} | ${ra.toFixed(0).padStart(13)} ${rb.toFixed(0).padStart(14)} ${(ra / rb).toFixed(2).padStart(6)} | ${ca.toFixed(1).padStart(11)} µs ${cb.toFixed(1).padStart(11)} µs ${(ca / cb).toFixed(2).padStart(6)} | ${rss(a).toFixed(1).padStart(9)} ${rss(b).toFixed(1).padStart(9)}`);
    }
  }
}
