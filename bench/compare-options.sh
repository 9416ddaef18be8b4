#!/usr/bin/env bash
# Before/after of a JVM option: `./mlmon replay` of the same log with different MLMON_JAVA_OPTS,
# interleaved run by run so that the shared host's slow spells hit them alike (bench/compare.sh
# does the same for two builds). Uses the wrapper, so its defaults and class-data archive apply;
# an option given here overrides the default of the same name. "-" stands for no option. Prints
# each round's wall/CPU seconds/peak RSS MB per variant, then per variant the mean and median wall
# time, mean CPU, largest RSS, and the median of its wall time over the first variant's, round by
# round.
#
#   bench/compare-options.sh - -XX:CompileCommandFile=/dev/null     # without the compile commands
#   bench/compare-options.sh - -Xms16m                              # replay's initial heap
#   RUNS=4 bench/compare-options.sh - "-XX:TieredStopAtLevel=4 -XX:-DoEscapeAnalysis"
#   LOG=100M bench/compare-options.sh - -XX:CICompilerCount=1
#
# Uses the logs and configs bench/ingest.sh makes (run it once first). Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
runs="${RUNS:-6}"
config="$out/replay-${LOG:-1G}-f20.yml"
[ $# -ge 2 ] || { echo "usage: bench/compare-options.sh OPTIONS OPTIONS [OPTIONS ...]" >&2; exit 2; }
[ -f "$config" ] || { echo "compare-options.sh: $config is missing; run bench/ingest.sh first" >&2; exit 1; }
"$root/mlmon" --version >/dev/null # builds the jar and its archive outside the timings

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "config: $config; $runs rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= runs; r++)); do
  line="round $r:"
  for opts in "$@"; do
    [ "$opts" = "-" ] && opts=""
    (cd "$out" && MLMON_JAVA_OPTS="$opts" /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
      "$root/mlmon" replay --config "$config" >/dev/null 2>"$work/err") \
      || { echo "compare-options.sh: [$opts] failed:" >&2; cat "$work/err" >&2; exit 1; }
    read -r wall user sys rss <"$work/time"
    line="$line $wall/$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')/$((rss / 1024))"
  done
  echo "$line" | tee -a "$work/rounds"
done
python3 - "$work/rounds" "$@" <<'EOF'
import statistics, sys
rows = [line.split(":", 1)[1].split() for line in open(sys.argv[1])]
for j, name in enumerate(sys.argv[2:]):
    wall = [float(r[j].split("/")[0]) for r in rows]
    cpu = [float(r[j].split("/")[1]) for r in rows]
    rss = [int(r[j].split("/")[2]) for r in rows]
    ratio = [float(r[j].split("/")[0]) / float(r[0].split("/")[0]) for r in rows]
    print(f"[{name}] wall mean {statistics.mean(wall):.3f} median {statistics.median(wall):.3f} s,"
          f" CPU mean {statistics.mean(cpu):.2f} s, RSS max {max(rss)} MB,"
          f" wall / first: median {statistics.median(ratio):.3f}")
EOF
