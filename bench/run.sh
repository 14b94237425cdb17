#!/usr/bin/env bash
# Throughput benchmark: builds Release, generates the synthetic corpora (cached in
# build/bench/), codes each on one thread and on all cores with `eventcoder code --stats`,
# and times `wc -w` on the same corpus as a floor. Prints one table.
#
#   bench/run.sh [SIZES...]      default sizes: 10000 100000 1000000
#   BUILD=build-release bench/run.sh
#
# The figures per second are per CPU-second (user + sys) when the machine is shared:
# wall-clock throughput is printed too but is only meaningful on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-release}
CORPORA=${CORPORA:-build/bench}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 1000000)
JOBS=${JOBS:-2}

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DEVENTCODER_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target eventcoder gen_corpus >/dev/null
mkdir -p "$CORPORA"

# field NAME LINE: the number before/after a label in the --stats line.
stat() { sed -n "$1" <<<"$2"; }

printf '%-9s %-8s %11s %11s %8s %12s %8s %9s %9s %10s %9s %8s\n' sentences threads \
  'sent/CPU-s' 'MB/CPU-s' 'MB' 'sent/s wall' 'load ms' 'load CPU' 'RSS MB' 'wc MB/CPU-s' 'x wc' \
  events
for n in "${SIZES[@]}"; do
  corpus="$CORPORA/corpus-$n.txt"
  [ -s "$corpus" ] || "$BUILD/gen_corpus" --sentences "$n" >"$corpus"
  mb=$(($(stat -c %s "$corpus" 2>/dev/null || wc -c <"$corpus")))
  # wc -w floor: CPU seconds from /usr/bin/time.
  wc_cpu=$( { /usr/bin/time -f '%U %S' wc -w "$corpus" >/dev/null; } 2>&1 | awk '{print $1+$2}')
  for threads in 1 0; do
    line=$("$BUILD/eventcoder" code --stats --threads "$threads" "$corpus" 2>&1 >/dev/null |
           grep '^stats:')
    sents=$(sed -E 's/.* ([0-9]+) sentences,.*/\1/' <<<"$line")
    events=$(sed -E 's/.* ([0-9]+) events.*/\1/' <<<"$line")
    used=$(sed -E 's/.*threads ([0-9]+);.*/\1/' <<<"$line")
    load=$(sed -E 's/.*dictionary load ([0-9]+) ms.*/\1/' <<<"$line")
    load_cpu=$(sed -E 's/.*dictionary load [0-9]+ ms \(([0-9]+) ms CPU\).*/\1/' <<<"$line")
    wall=$(sed -E 's/.*wall: ([0-9]+) sentences\/s.*/\1/' <<<"$line")
    cpu=$(sed -E 's/.* ([0-9.]+) s CPU.*/\1/' <<<"$line")
    rss=$(sed -E 's/.*peak RSS ([0-9]+) MB.*/\1/' <<<"$line")
    awk -v n="$sents" -v t="$used" -v cpu="$cpu" -v bytes="$mb" -v wall="$wall" -v load="$load" -v load_cpu="$load_cpu" \
        -v rss="$rss" -v wc="$wc_cpu" -v ev="$events" 'BEGIN {
      if (cpu <= 0) cpu = 0.001; if (wc <= 0) wc = 0.001;
      mbs = bytes / 1e6 / cpu; wcmbs = bytes / 1e6 / wc;
      printf "%-9d %-8d %11.0f %11.2f %8.1f %12.0f %8d %9d %9d %10.1f %9.1f %8d\n",
             n, t, n / cpu, mbs, bytes / 1e6, wall, load, load_cpu, rss, wcmbs, wcmbs / mbs, ev }'
  done
done
