#!/usr/bin/env bash
# Every adkit suite, from a fresh machine: installs what it needs, then runs
#   lint (fmt, clippy -D warnings, native and wasm32),
#   native Rust (unit, golden wire bytes, driver policy, the fault matrix, reqwest client against the sandbox),
#   the fuzz smoke (each cargo-fuzz target of fuzz/ for a bounded run),
#   uniffi: Python (built-in and Python transports), Kotlin on the JVM (built-in and Kotlin transports),
#           Swift (generated; headers compiled; API checked — no Swift compiler on this machine kind),
#   wasm-bindgen-test in Node and in headless Chromium,
#   the npm package: build + size report, node --test (ESM and CJS), browser via ChromeDriver, the packed
#   tarball installed into an empty project, tsc --strict.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
CACHE=${ADKIT_CACHE:-$HOME/.cache/adkit}
export TOOLS=$CACHE/tools
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export CARGO_PROFILE_DEV_DEBUG=line-tables-only
export CARGO_TERM_COLOR=never
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$HOME/.cargo/bin:$PATH"
T=$CARGO_TARGET_DIR
BUILD=$REPO/build
step() { printf '\n==> %s\n' "$*"; }

step "install tools"
bash tests/install-tools.sh

step "lint"
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --all-features -- -D warnings
cargo clippy -p adkit-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native: build once, then test"
cargo build --workspace --all-targets --all-features
cargo test --workspace --all-features

step "fuzz smoke: every cargo-fuzz target, a short bounded run each (longer runs: fuzz/README.md)"
bash tests/fuzz-smoke.sh

step "start the sandbox"
rm -rf "$BUILD" && mkdir -p "$BUILD"
"$T/debug/adkit-sandbox" --port 0 > "$BUILD/sandbox.out" &
SANDBOX_PID=$!
trap 'kill $SANDBOX_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ "$(wc -l < "$BUILD/sandbox.out")" -ge 3 ] && break; sleep 0.1; done
export ADKIT_SANDBOX_URL=$(sed -n 1p "$BUILD/sandbox.out")
export ADKIT_OTHER_ORIGIN=$(sed -n 2p "$BUILD/sandbox.out" | cut -d' ' -f2)
export ADKIT_RAW_FAULTS_URL=$(sed -n 3p "$BUILD/sandbox.out" | cut -d' ' -f2)
echo "sandbox at $ADKIT_SANDBOX_URL (other origin $ADKIT_OTHER_ORIGIN)"

step "uniffi: generate Kotlin, Swift, Python"
LIB=$T/debug/libadkit_uniffi.so
for lang in kotlin swift python; do
  uniffi-bindgen generate "$LIB" --language "$lang" --out-dir "$BUILD/gen/$lang" --no-format
done

step "uniffi: Python"
mkdir -p "$BUILD/py/adkit"
cp "$BUILD"/gen/python/*.py "$LIB" bindings-uniffi/python/__init__.py "$BUILD/py/adkit/"
PYTHONPATH="$BUILD/py" "$TOOLS/venv/bin/python" -m pytest -q tests/python

step "uniffi: Kotlin on the JVM"
K=$TOOLS/kotlinc
JNA=/usr/share/java/jna.jar
CORO=$K/lib/kotlinx-coroutines-core-jvm.jar
"$K/bin/kotlinc" -nowarn -cp "$JNA:$CORO" "$BUILD"/gen/kotlin/uniffi/*/*.kt tests/kotlin/AdjustTest.kt tests/kotlin/AdaptyTest.kt tests/kotlin/AdmitadTest.kt -d "$BUILD/kt/test.jar"
java -Djna.library.path="$(dirname "$LIB")" -cp "$BUILD/kt/test.jar:$JNA:$CORO:$K/lib/kotlin-stdlib.jar" AdjustTestKt "$ADKIT_SANDBOX_URL"

step "uniffi: Swift (generated, headers compiled, API checked)"
bash tests/swift/check.sh "$BUILD/gen/swift"

step "wasm-bindgen-test: Node, then headless Chromium"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
cargo test -p adkit-wasm --target wasm32-unknown-unknown
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p adkit-wasm --target wasm32-unknown-unknown --test web

step "npm package: build and size report"
bash tests/build-npm.sh

step "npm package: node --test, browser, tsc --strict"
(cd npm && node --test test/*.test.mjs test/*.test.cjs && node browser-test/run.mjs && node test-installed.mjs \
  && tsc -p test/tsconfig.json && echo "tsc --strict: ok")

step "all suites passed"
