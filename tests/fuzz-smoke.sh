#!/usr/bin/env bash
# Fuzz smoke: builds every cargo-fuzz target of fuzz/ once (no sanitizer, overflow checks on) and runs
# each for a short, bounded time from a copy of its committed seed corpus (the repository's corpus is
# never grown). Prints each target's executions; exits non-zero if any target found a crash, after
# printing where the reproducer was saved. Longer runs: fuzz/README.md.
#
# Environment: FUZZ_SECONDS (default 10) and FUZZ_RUNS (default 200000) bound each target's run;
# TOOLS (default ~/.cache/adkit/tools) is where cargo-fuzz is installed; FUZZ_TARGET_DIR (default
# ~/.cache/adkit/fuzz-target) the fuzz crate's build directory. ADKIT_FUZZ_SKIP is cleared: the smoke
# checks every invariant.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
CACHE=${ADKIT_CACHE:-$HOME/.cache/adkit}
TOOLS=${TOOLS:-$CACHE/tools}
CARGO_FUZZ_VERSION=0.13.1
SECONDS_PER_TARGET=${FUZZ_SECONDS:-10}
RUNS_PER_TARGET=${FUZZ_RUNS:-200000}
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-$CACHE/fuzz-target}
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"
# cargo-fuzz passes -Z flags to rustc; the stable toolchain accepts them with this.
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=never
unset ADKIT_FUZZ_SKIP

if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "==> installing cargo-fuzz $CARGO_FUZZ_VERSION into $TOOLS"
  cargo install --locked --root "$TOOLS" cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

start=$(date +%s)
echo "==> building the fuzz targets (cargo fuzz build -O -a -s none)"
(cd fuzz && cargo fuzz build -O -a -s none)
built=$(date +%s)
BIN=$CARGO_TARGET_DIR/x86_64-unknown-linux-gnu/release

WORK=$(mktemp -d "${TMPDIR:-/tmp}/adkit-fuzz-smoke.XXXXXX")
failed=()
for target in $(cd fuzz && cargo fuzz list); do
  mkdir -p "$WORK/$target/corpus" "$WORK/$target/artifacts"
  cp -R "$REPO/fuzz/corpus/$target/." "$WORK/$target/corpus/" 2>/dev/null || true
  log=$WORK/$target/log
  set +e
  "$BIN/$target" -max_total_time="$SECONDS_PER_TARGET" -runs="$RUNS_PER_TARGET" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$WORK/$target/artifacts/" "$WORK/$target/corpus" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    printf '%-18s ok      %10s executions\n' "$target" "${execs:-?}"
  else
    failed+=("$target")
    printf '%-18s FAILED  %10s executions (exit %s)\n' "$target" "${execs:-?}" "$rc"
    grep -a -m1 -A2 -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | cut -c1-400 | sed 's/^/    /' || true
    for artifact in "$WORK/$target/artifacts"/*; do
      [ -e "$artifact" ] || continue
      echo "    reproducer: $artifact"
      echo "    bytes (base64): $(head -c 2048 "$artifact" | base64 -w0)"
      echo "    replay: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a -s none $target $artifact)"
    done
  fi
done
end=$(date +%s)
echo "fuzz smoke: build $((built - start)) s, runs $((end - built)) s, work dir $WORK"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz smoke: ${#failed[@]} target(s) failed: ${failed[*]}"
  exit 1
fi
rm -rf "$WORK"
echo "fuzz smoke: all targets passed"
