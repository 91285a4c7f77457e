// Runs browser-test/page.html in headless Chromium through ChromeDriver (plain WebDriver over HTTP,
// no extra packages): a static server serves this package, the page imports the browser entry and
// talks to the sandbox. Prints one line per check and exits 1 on any failure.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sandbox = process.env.ADKIT_SANDBOX_URL;
if (!sandbox) throw new Error('set ADKIT_SANDBOX_URL');
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = path === '/' ? join(root, 'browser-test/page.html') : join(root, path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const pagePort = server.address().port;

const driverPort = 9515 + Math.floor(Math.random() * 1000);
const driver = spawn(process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', [`--port=${driverPort}`], { stdio: 'ignore' });
const wd = async (method, path, body) => {
  const r = await fetch(`http://127.0.0.1:${driverPort}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
};

let failed = 0;
let session;
try {
  for (let i = 0; ; i++) {
    try { await wd('GET', '/status'); break; } catch (e) { if (i > 50) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
  session = (await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'chrome', 'goog:chromeOptions': {
      binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    } } },
  })).sessionId;
  const token = `adj_browser_${Date.now()}`;
  // What a server hands a page: an Admitad access token it minted with the client secret (which stays here).
  const admitadClient = `adm_browser_pub_${Date.now()}`;
  const minted = await fetch(`${sandbox}/admitad/token/`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${admitadClient}:secret_${admitadClient}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: admitadClient, scope: 'banners lost_orders manage_lost_orders' }),
  }).then((r) => r.json());
  const admitad = new URLSearchParams({ admitadClient, admitadToken: minted.access_token, admitadExpiresIn: String(minted.expires_in) });
  await wd('POST', `/session/${session}/url`, { url: `http://127.0.0.1:${pagePort}/?sandbox=${encodeURIComponent(sandbox)}&token=${token}&${admitad}` });
  let checks = null;
  for (let i = 0; i < 200 && !checks; i++) {
    checks = await wd('POST', `/session/${session}/execute/sync`, { script: 'return window.__adkitResult ?? null', args: [] });
    if (!checks) await new Promise((r) => setTimeout(r, 100));
  }
  if (!checks) throw new Error('the page never reported');
  for (const c of checks) {
    console.log(`${c.ok ? 'ok  ' : 'FAIL'} browser: ${c.name}${c.ok ? '' : ` (${c.detail})`}`);
    if (!c.ok) failed += 1;
  }
  console.log(`browser: ${checks.length - failed} passed, ${failed} failed`);
} finally {
  if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
  driver.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
