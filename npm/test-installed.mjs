// Installs the packed tarball into an empty project (what a user gets from the registry, `files`
// included) and uses it from ESM and CommonJS against the sandbox.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'adkit-installed-'));
const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: here, encoding: 'utf8' }).trim().split('\n').at(-1);
writeFileSync(join(dir, 'package.json'), '{"private":true}');
execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', join(dir, tgz)], { cwd: dir, stdio: 'inherit' });
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
