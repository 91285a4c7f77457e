#!/usr/bin/env bash
# Installs every tool the test suites need, idempotently, into $TOOLS (a cache outside the clone).
# Versions are pinned; each tool is reinstalled only when its version differs.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TOOLS:=${ADKIT_CACHE:-$HOME/.cache/adkit}/tools}"
mkdir -p "$TOOLS/bin"
export PATH="$TOOLS/bin:$TOOLS/npm/node_modules/.bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin of wasm-bindgen in Cargo.toml
UNIFFI_VERSION=0.32.2          # must equal the `=` pin of uniffi in Cargo.toml
KOTLIN_VERSION=2.4.20
BINARYEN_VERSION=132.0.0       # npm binaryen; Debian's wasm-opt 108 breaks the module
TYPESCRIPT_VERSION=5.9.3
ESBUILD_VERSION=0.28.2          # the bundler check: importing one vendor from the package root bundles only it

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
[ -f /usr/share/java/jna.jar ] || need_apt+=(libjna-java)
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v java >/dev/null || need_apt+=(default-jdk-headless)
command -v gcc >/dev/null || need_apt+=(gcc)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "install-tools: apt ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  echo "install-tools: wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # No --locked: its lockfile pins a webpki-roots release the registry here does not serve.
  cargo install --root "$TOOLS" wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --target-dir "$TOOLS/build/wasm-bindgen-cli" --force
fi

if ! uniffi-bindgen --version 2>/dev/null | grep -q " $UNIFFI_VERSION"; then
  echo "install-tools: uniffi-bindgen $UNIFFI_VERSION"
  # Its own lockfile, and a build directory in the cache: nothing lands in the checkout.
  cargo install --locked --debug --root "$TOOLS" --path uniffi-bindgen --target-dir "$TOOLS/build/uniffi-bindgen" --force
fi

if [ ! -x "$TOOLS/npm/node_modules/.bin/wasm-opt" ] || [ ! -x "$TOOLS/npm/node_modules/.bin/tsc" ] \
   || ! grep -q "\"version\": \"$BINARYEN_VERSION\"" "$TOOLS/npm/node_modules/binaryen/package.json" 2>/dev/null \
   || ! grep -q "\"version\": \"$ESBUILD_VERSION\"" "$TOOLS/npm/node_modules/esbuild/package.json" 2>/dev/null; then
  echo "install-tools: npm binaryen@$BINARYEN_VERSION typescript@$TYPESCRIPT_VERSION esbuild@$ESBUILD_VERSION"
  mkdir -p "$TOOLS/npm"
  (cd "$TOOLS/npm" && echo '{"private":true}' > package.json \
     && npm i --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" "typescript@$TYPESCRIPT_VERSION" \
          "esbuild@$ESBUILD_VERSION")
fi

if ! grep -qx "$KOTLIN_VERSION" "$TOOLS/kotlinc/.adkit-version" 2>/dev/null; then
  echo "install-tools: kotlin-compiler@$KOTLIN_VERSION (npm)"
  rm -rf "$TOOLS/kotlinc"; mkdir -p "$TOOLS/kotlinc"
  (cd "$TOOLS" && npm pack --silent "kotlin-compiler@$KOTLIN_VERSION" >/dev/null \
     && tar xzf "kotlin-compiler-$KOTLIN_VERSION.tgz" -C kotlinc --strip-components=1 \
     && rm "kotlin-compiler-$KOTLIN_VERSION.tgz")
  echo "$KOTLIN_VERSION" > "$TOOLS/kotlinc/.adkit-version"
fi

if [ ! -x "$TOOLS/venv/bin/pytest" ]; then
  echo "install-tools: python venv + pytest"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install -q pytest
fi
echo "install-tools: ok ($TOOLS)"
