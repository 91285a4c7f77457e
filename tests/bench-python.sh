#!/usr/bin/env bash
# The Python benchmark (tests/bench/bench_vs_admitad.py): builds the uniffi package, installs Admitad's own
# client (admitad 1.1.1, pinned) in a virtual environment of the bench's own, starts a release sandbox in
# another process, and runs the benchmark against it.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE=${ADKIT_CACHE:-$HOME/.cache/adkit}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export PATH="$CACHE/tools/bin:$HOME/.cargo/bin:$PATH"
BENCH=$CACHE/bench-python
cargo build --release -q -p adkit-uniffi -p adkit-sandbox
[ -x "$BENCH/venv/bin/python" ] || python3 -m venv "$BENCH/venv"
"$BENCH/venv/bin/pip" install -q admitad==1.1.1
LIB=$CARGO_TARGET_DIR/release/libadkit_uniffi.so
rm -rf "$BENCH/gen" "$BENCH/py" && mkdir -p "$BENCH/py/adkit"
uniffi-bindgen generate "$LIB" --language python --out-dir "$BENCH/gen" --no-format > /dev/null
cp "$BENCH"/gen/*.py "$LIB" bindings-uniffi/python/__init__.py "$BENCH/py/adkit/"
"$CARGO_TARGET_DIR/release/adkit-sandbox" --port 0 > "$BENCH/sandbox.out" &
SANDBOX=$!
trap 'kill $SANDBOX 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$BENCH/sandbox.out" ] && break; sleep 0.1; done
ADKIT_SANDBOX_URL=$(sed -n 1p "$BENCH/sandbox.out") PYTHONPATH="$BENCH/py" "$BENCH/venv/bin/python" tests/bench/bench_vs_admitad.py
