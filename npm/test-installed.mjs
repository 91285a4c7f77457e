// Installs the packed tarball into an empty project (what a user gets from the registry, `files`
// included) and uses it from ESM and CommonJS against the sandbox.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'adkit-installed-'));
const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: here, encoding: 'utf8' }).trim().split('\n').at(-1);
writeFileSync(join(dir, 'package.json'), '{"private":true}');
execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', join(dir, tgz)], { cwd: dir, stdio: 'inherit' });
for (const license of ['LICENSE-MIT', 'LICENSE-APACHE']) {
  if (!existsSync(join(dir, 'node_modules/adkit', license))) throw new Error(`the tarball has no ${license}`);
}
console.log('ok   installed package: both license texts are in the tarball');
const base = `${process.env.ADKIT_SANDBOX_URL}/adjust/api/`;
writeFileSync(join(dir, 'esm.mjs'), `
import { AdjustClient } from 'adkit';
const c = new AdjustClient({ apiToken: 'adj_installed_esm_${Date.now()}', baseUrl: '${base}' });
const r = await c.createApp({ storeId: 'com.example.installed', platform: 'android', name: 'I', bundleId: 'com.example.installed' });
if (r.adjustAppToken.length !== 12) throw new Error('bad token');
console.log('ok   installed package: ESM import');
`);
writeFileSync(join(dir, 'cjs.cjs'), `
const { AdjustClient } = require('adkit');
new AdjustClient({ apiToken: 'adj_installed_cjs', baseUrl: '${base}' }).getApp('abcdefabcdef')
  .then(() => { throw new Error('expected 404'); }, (e) => { if (e.kind !== 'not_found' || e.status !== 404) throw e; console.log('ok   installed package: CommonJS require'); });
`);
execFileSync('node', ['esm.mjs'], { cwd: dir, stdio: 'inherit' });
execFileSync('node', ['cjs.cjs'], { cwd: dir, stdio: 'inherit' });

// A bundler that imports one vendor from the package root bundles that vendor's module only: the other
// vendors' glue (and so their .wasm) never reaches the app. Checked with esbuild's module graph.
const tools = process.env.TOOLS ?? join(process.env.HOME, '.cache/adkit/tools');
const { build } = createRequire(import.meta.url)(join(tools, 'npm/node_modules/esbuild'));
const vendors = { adjust: 'AdjustClient', adapty: 'AdaptyClient', admitad: 'AdmitadClient' };
for (const [vendor, name] of Object.entries(vendors)) {
  const bundle = await build({
    stdin: { contents: `import { ${name} } from 'adkit'; globalThis.client = ${name};`, resolveDir: dir },
    bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent',
  });
  const bundled = Object.values(bundle.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
  const glue = bundled.filter((f) => /adkit_\w+\.web\.mjs$/.test(f));
  if (glue.length !== 1 || !glue[0].endsWith(`adkit_${vendor}.web.mjs`)) {
    throw new Error(`importing ${name} from 'adkit' bundles ${JSON.stringify(glue)}`);
  }
}
console.log('ok   installed package: a bundle of one vendor from the package root holds that vendor only');
