#!/usr/bin/env bash
# Builds the npm package in npm/pkg: one .wasm per vendor (wasm-release profile, pinned wasm-bindgen
# CLI, then wasm-opt -Oz from npm binaryen) so a user of one vendor never downloads the other, ESM glue
# for browsers/bundlers and CJS glue for Node sharing each module, TypeScript declarations (one file
# per vendor and a combined index.d.ts); then prints the size report.
#
# Budget: 150 KiB gzipped per module. The Adjust module is held to it (the build fails above it). The
# Adapty and Admitad modules are reported against the same target but do not fail the build (see the
# README's "Size" section for the numbers and the plan).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_TARGET_DIR:=target}"
OUT=npm/pkg
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
BUDGET=$((150 * 1024))
status=0
for vendor in adjust adapty admitad; do
  cargo build -p adkit-wasm --target wasm32-unknown-unknown --profile wasm-release --no-default-features --features "$vendor"
  cp "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/adkit_wasm.wasm" "$TMP/adkit_$vendor.wasm"
  wasm-bindgen --target web --out-dir "$TMP/web-$vendor" "$TMP/adkit_$vendor.wasm"
  wasm-bindgen --target nodejs --out-dir "$TMP/node-$vendor" "$TMP/adkit_$vendor.wasm"
  # Both glues load the same module: refuse to ship if wasm-bindgen ever makes them differ.
  cmp -s "$TMP/web-$vendor/adkit_${vendor}_bg.wasm" "$TMP/node-$vendor/adkit_${vendor}_bg.wasm" \
    || { echo "web and nodejs .wasm differ ($vendor)" >&2; exit 1; }
  mkdir -p "$OUT/$vendor"
  wasm-opt -Oz --converge --strip-producers "$TMP/web-$vendor/adkit_${vendor}_bg.wasm" -o "$OUT/$vendor/adkit_${vendor}_bg.wasm"
  cp "$TMP/web-$vendor/adkit_$vendor.js" "$OUT/$vendor/adkit_$vendor.web.mjs"
  cp "$TMP/node-$vendor/adkit_$vendor.js" "$OUT/$vendor/adkit_$vendor.node.cjs"
  cp "$TMP/node-$vendor/adkit_$vendor.d.ts" "$OUT/$vendor/adkit_$vendor.d.ts"
  raw=$(wc -c < "$OUT/$vendor/adkit_${vendor}_bg.wasm")
  gz=$(gzip -9 -c "$OUT/$vendor/adkit_${vendor}_bg.wasm" | wc -c)
  verdict="within"
  [ "$gz" -gt "$BUDGET" ] && verdict="OVER"
  echo "size report: npm/pkg/$vendor/adkit_${vendor}_bg.wasm raw ${raw} bytes, gzip -9 ${gz} bytes ($(( gz / 1024 )) KiB; target 150 KiB: $verdict)"
  if [ "$vendor" = adjust ] && [ "$verdict" = OVER ]; then status=1; fi
done
# The license texts of the repository root, shipped in the tarball.
cp LICENSE-MIT LICENSE-APACHE npm/
# The named-method installer, in CommonJS for Node from its one ESM source.
sed 's/^export function /function /' npm/operations.mjs > "$OUT/operations.cjs"
echo 'module.exports = { installOperations, installPages };' >> "$OUT/operations.cjs"
# index.d.ts: everything from the Adjust declarations, plus the Adapty names it does not already have
# (the shared ones — CallOptions, AdkitError, JsonValue, ... — are identical in both files).
node - "$OUT" <<'JS'
const fs = require('node:fs');
const out = process.argv[2];
const names = (f) => new Set([...fs.readFileSync(f, 'utf8').matchAll(/^export (?:declare )?(?:class|interface|type|function|const|enum) (\w+)/gm)].map((m) => m[1]));
const seen = names(`${out}/adjust/adkit_adjust.d.ts`);
let text = `export * from "./adjust/adkit_adjust.js";\n`;
const valuesOf = {
  adapty: ['AdaptyClient', 'AdaptyPaginator', 'AdaptyWebhookReceiver'],
  admitad: ['AdmitadClient', 'AdmitadPaginator', 'parseAdmitadCallback', 'verifyAdmitadSignedRequest'],
};
for (const vendor of ['adapty', 'admitad']) {
  const own = [...names(`${out}/${vendor}/adkit_${vendor}.d.ts`)].filter((n) => !seen.has(n));
  own.forEach((n) => seen.add(n));
  const values = own.filter((n) => valuesOf[vendor].includes(n));
  const types = own.filter((n) => !values.includes(n));
  text += `export { ${values.join(', ')} } from "./${vendor}/adkit_${vendor}.js";\n`;
  text += `export type { ${types.join(', ')} } from "./${vendor}/adkit_${vendor}.js";\n`;
}
fs.writeFileSync(`${out}/index.d.ts`, text);
JS
exit $status
