#!/usr/bin/env bash
# How the cost of `mlmon replay` grows with features per line, drift window size and label backlog:
# three points of each (the others at 20 features, window 10,000, backlog 1,000,000), on 100 MB of
# generated log, RUNS runs each (median wall and CPU time, largest peak RSS).
#
#   bench/scaling.sh
#   RUNS=5 SIZE=200M bench/scaling.sh
#
# Files go to bench/out/ (git-ignored) and are reused. Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
runs="${RUNS:-3}"
size="${SIZE:-100M}"
mkdir -p "$out"
"$root/mlmon" --version >/dev/null
read -r -a mlmon_cmd <<<"${MLMON_CMD:-$root/mlmon}"

for f in 5 20 100; do
  if [ ! -s "$out/log-$size-f$f.jsonl" ]; then
    "$root/mlmon" generate --out "$out/log-$size-f$f.jsonl" --size "$size" --features "$f" \
      --reference "$out/ref-f$f.csv" >&2
  fi
  [ -s "$out/ref-f$f.csv" ] || "$root/mlmon" generate --out /dev/null --size 0 --features "$f" \
    --reference "$out/ref-f$f.csv" >&2
done

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# point FEATURES WINDOW BACKLOG: RUNS replays; prints one table row.
point() {
  local f="$1" window="$2" backlog="$3"
  local log="log-$size-f$f.jsonl"
  local config="$out/scaling-f$f-w$window-b$backlog.yml"
  cat >"$config" <<EOF
state_dir: state
sources: [{name: predictions, path: $log}]
models: [{name: fraud, reference: ref-f$f.csv, threshold: 0.5}]
drift: {window: {max_samples: $window, max_age: 1h}}
labels: {max_pending: $backlog}
host: {enabled: false}
EOF
  cat "$out/$log" >/dev/null
  : >"$out/scaling.times"
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$out/scaling.time" "${mlmon_cmd[@]}" replay --config "$config" \
      --output "$out/scaling.prom" 2>/dev/null
    tail -1 "$out/scaling.time" >>"$out/scaling.times"
  done
  local lines wall cpu rss
  lines=$(wc -l <"$out/$log")
  wall=$(awk '{print $1}' "$out/scaling.times" | median)
  cpu=$(awk '{print $2 + $3}' "$out/scaling.times" | median)
  rss=$(awk '{print $4}' "$out/scaling.times" | sort -g | tail -1)
  awk -v f="$f" -v w="$window" -v b="$backlog" -v l="$lines" -v wall="$wall" -v cpu="$cpu" -v r="$rss" \
    'BEGIN { printf "%8d %8d %9d %9d %7.2f %7.2f %10.0f %8.0f %7.0f\n", f, w, b, l, wall, cpu, l / wall, 1e9 * cpu / l, r / 1024 }'
}

echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per point"
printf "%8s %8s %9s %9s %7s %7s %10s %8s %7s\n" features window backlog lines "wall s" "cpu s" "lines/s" "cpu ns/l" "RSS MB"
for f in 5 20 100; do point "$f" 10000 1000000; done
for w in 1000 100000; do point 20 "$w" 1000000; done
for b in 10000 100000; do point 20 10000 "$b"; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$out/scaling.time" "$out/scaling.times" "$out/scaling.prom"
