// Pages per second from Node: all 100 000 statistics rows of the sandbox with limit 500 (200 pages)
// through the npm package's async iterator. `ADKIT_SANDBOX_URL=… node bench-admitad-pages.mjs`
import { AdmitadClient } from 'adkit';

const base = process.env.ADKIT_SANDBOX_URL;
if (!base) throw new Error('set ADKIT_SANDBOX_URL (start `adkit-sandbox --port 0`)');
const client = new AdmitadClient({
  clientId: 'adm_node_bench', clientSecret: 'secret_adm_node_bench', scopes: ['statistics'], baseUrl: `${base}/admitad/`,
});
await client.statistics({ report: 'websites', limit: 1 }); // token + warm-up
const started = performance.now();
let pages = 0;
let rows = 0;
for await (const page of client.statisticsPages({ report: 'websites', limit: 500 })) {
  pages += 1;
  rows += page.items.length;
}
const secs = (performance.now() - started) / 1000;
console.log(`admitad statistics, Node: ${rows} rows in ${pages} pages (limit 500) in ${secs.toFixed(2)} s: ${(pages / secs).toFixed(0)} pages/s, ${(rows / secs).toFixed(0)} rows/s`);
