#!/usr/bin/env bash
# Builds the npm package in npm/pkg: one .wasm (wasm-release profile, pinned wasm-bindgen CLI, then
# wasm-opt -Oz from npm binaryen), ESM glue for browsers/bundlers and CJS glue for Node sharing it,
# TypeScript declarations; then prints the size report.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${CARGO_TARGET_DIR:=target}"
cargo build -p adkit-wasm --target wasm32-unknown-unknown --profile wasm-release
W="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/adkit_wasm.wasm"
OUT=npm/pkg
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$TMP/web" "$W"
wasm-bindgen --target nodejs --out-dir "$TMP/node" "$W"
# Both glues load the same module: refuse to ship if wasm-bindgen ever makes them differ.
cmp -s "$TMP/web/adkit_wasm_bg.wasm" "$TMP/node/adkit_wasm_bg.wasm" || { echo "web and nodejs .wasm differ" >&2; exit 1; }
wasm-opt -Oz "$TMP/web/adkit_wasm_bg.wasm" -o "$OUT/adkit_wasm_bg.wasm"
cp "$TMP/web/adkit_wasm.js" "$OUT/adkit_wasm.web.mjs"
cp "$TMP/node/adkit_wasm.js" "$OUT/adkit_wasm.node.cjs"
cp "$TMP/node/adkit_wasm.d.ts" "$OUT/adkit.d.ts"
raw=$(wc -c < "$OUT/adkit_wasm_bg.wasm")
gz=$(gzip -9 -c "$OUT/adkit_wasm_bg.wasm" | wc -c)
echo "size report: npm/pkg/adkit_wasm_bg.wasm raw ${raw} bytes, gzip -9 ${gz} bytes ($(( gz / 1024 )) KiB; budget 150 KiB)"
if [ "$gz" -gt $((150 * 1024)) ]; then echo "size report: over the 150 KiB budget" >&2; exit 1; fi
