#!/usr/bin/env bash
# Builds every libFuzzer target (build-fuzz/, clang, ASan + UBSan) and runs each for
# SECONDS (default 60) on a copy of its seed corpus. Exits non-zero when any target finds
# a crash, leak, sanitizer error, timeout (> 10 s for one input) or out-of-memory
# (> 2 GiB); the input is saved in build-fuzz/artifacts/<target>/.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
BUILD=${FUZZ_BUILD:-build-fuzz}
JOBS=${JOBS:-$(nproc)}

TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cc; do TARGETS+=("$(basename "$f" .cc)"); done
fi

CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DEVENTCODER_FUZZ=ON -DEVENTCODER_BUILD_TESTS=OFF >/dev/null || exit 2
echo "building ${#TARGETS[@]} fuzz targets in $BUILD (log: $BUILD/build.log)"
if ! cmake --build "$BUILD" -j "$JOBS" --target "${TARGETS[@]}" >"$BUILD/build.log" 2>&1; then
  tail -40 "$BUILD/build.log"
  exit 2
fi

failed=()
for t in "${TARGETS[@]}"; do
  work="$BUILD/corpus/$t"
  artifacts="$BUILD/artifacts/$t"
  mkdir -p "$work" "$artifacts" "fuzz/corpus/$t"
  log="$BUILD/$t.log"
  echo "== $t: ${SECONDS_EACH}s"
  # New inputs go to the first directory (the work copy); the committed seeds are read only.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$work" "fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  echo "   exit $rc, ${execs:-?} executions, log $log"
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    grep -m1 -E 'ERROR: |runtime error|contract violated|Test unit written' "$log" | sed 's/^/   /'
    ls "$artifacts" | sed 's/^/   artifact: /'
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in: ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets clean"
