#!/usr/bin/env bash
# Whole-process ingest benchmark: `mlmon replay` (JVM start included) against mtail's one-shot
# mode with bench/mlmon.mtail and against `wc -l`, on the same generated 20-feature logs.
#
#   bench/ingest.sh                 # 100M and 1G, 5 runs each
#   RUNS=3 SIZES="100M" bench/ingest.sh
#   MLMON_JAVA_OPTS="-Xmx1g" bench/ingest.sh   # extra JVM flags for mlmon (see ./mlmon)
#   MLMON_CMD="java -jar old/mlmon.jar" bench/ingest.sh   # time another build (before/after)
#
# Generated logs, the reference and configs go to bench/out/ (git-ignored) and are reused.
# Runs of the three tools are interleaved, so load from other processes hits them alike; the
# page cache is warmed first, so all read from memory. Prints medians; peak RSS is the largest
# of the runs. Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
runs="${RUNS:-5}"
sizes="${SIZES:-100M 1G}"
features="${FEATURES:-20}"
mkdir -p "$out/mtail-progs"
cp "$root/bench/mlmon.mtail" "$out/mtail-progs/"

for tool in mtail /usr/bin/time java; do
  command -v "$tool" >/dev/null || { echo "ingest.sh: $tool is needed" >&2; exit 1; }
done

# The wrapper builds the jar when it is missing or stale; do it now, outside the timings.
"$root/mlmon" --version >/dev/null
read -r -a mlmon_cmd <<<"${MLMON_CMD:-$root/mlmon}"

ref="$out/ref-f$features.csv"
# replay_config NAME LOG [REFERENCE]: bench/out/replay-NAME.yml, replaying LOG (in bench/out) for
# the model "fraud", with REFERENCE as its reference if given.
replay_config() {
  {
    echo "# bench/ingest.sh: replay of $out/$2 with the defaults that matter for memory spelled out."
    echo "state_dir: state"
    echo "sources:"
    echo "  - name: predictions"
    echo "    path: $2"
    echo "models:"
    echo "  - name: fraud"
    [ -z "${3:-}" ] || echo "    reference: $3"
    echo "    threshold: 0.5"
    echo "drift:"
    echo "  window: {max_samples: 10000, max_age: 1h}"
    echo "labels:"
    echo "  max_pending: 1000000"
    echo "host:"
    echo "  enabled: false"
  } >"$out/replay-$1.yml"
}
for size in $sizes; do
  log="$out/log-$size-f$features.jsonl"
  if [ ! -s "$log" ]; then
    echo "generating $log ..." >&2
    "$root/mlmon" generate --out "$log" --size "$size" --features "$features" --reference "$ref" >&2
  fi
  replay_config "$size-f$features" "log-$size-f$features.jsonl" "ref-f$features.csv"
done
# Start-up alone: an empty log, with the reference and without (bench/compare.sh LOG=empty).
: >"$out/empty.jsonl"
replay_config empty empty.jsonl "ref-f$features.csv"
replay_config empty-noref empty.jsonl

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
max() { sort -g | tail -1; }

# run NAME CMD...: one timed run; appends "wall user sys rss_kb" to $out/times-NAME.
run() {
  local name="$1"
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.tmp" "$@" >"$out/stdout-$name.tmp" 2>"$out/stderr-$name.tmp" \
    || { echo "ingest.sh: $name failed:" >&2; cat "$out/stderr-$name.tmp" >&2; exit 1; }
  tail -1 "$out/time.tmp" >>"$out/times-$name"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
echo "java: $(java -version 2>&1 | head -1); mtail: $(mtail --version 2>&1 | head -1)"
if [ -n "${MLMON_CMD:-}" ]; then
  echo "mlmon: $MLMON_CMD"
else
  echo "mlmon: the ./mlmon wrapper (its JVM defaults for replay: -XX:+UseSerialGC -XX:PretenureSizeThreshold=4m -Xms96m -XX:TieredStopAtLevel=1 -XX:CompileCommandFile=exporter/src/main/jvm/hotspot_compiler, and its class-data archive) ${MLMON_JAVA_OPTS:+plus MLMON_JAVA_OPTS=$MLMON_JAVA_OPTS}"
fi
for size in $sizes; do
  log="$out/log-$size-f$features.jsonl"
  config="$out/replay-$size-f$features.yml"
  bytes=$(stat -c %s "$log")
  lines=$(wc -l <"$log")
  cat "$log" >/dev/null
  rm -f "$out"/times-*
  echo
  echo "== $log: $lines lines, $bytes bytes; $runs runs each; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for ((i = 1; i <= runs; i++)); do
    run mlmon "${mlmon_cmd[@]}" replay --config "$config" --output "$out/replay.prom"
    run mtail mtail --one_shot --one_shot_format=prometheus --logs "$log" --progs "$out/mtail-progs"
    run wc wc -l "$log"
  done
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf "%-6s %9s %9s %9s %12s %9s %9s %11s\n" tool "wall s" "user s" "sys s" "lines/s" "MB/s" "RSS MB" "vs mtail"
  mtail_wall=$(awk '{print $1}' "$out/times-mtail" | median)
  for name in mlmon mtail wc; do
    wall=$(awk '{print $1}' "$out/times-$name" | median)
    user=$(awk '{print $2}' "$out/times-$name" | median)
    sys=$(awk '{print $3}' "$out/times-$name" | median)
    rss=$(awk '{print $4}' "$out/times-$name" | max)
    awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v l="$lines" -v b="$bytes" -v m="$mtail_wall" \
      'BEGIN { w = (w < 0.01 ? 0.01 : w); printf "%-6s %9.2f %9.2f %9.2f %12.0f %9.1f %9.1f %10.1fx\n", n, w, u, s, l / w, b / w / 1e6, r / 1024, m / w }'
  done
  echo "   all runs (wall user sys rss_kb):"
  for name in mlmon mtail wc; do
    echo "   $name: $(tr '\n' ';' <"$out/times-$name")"
  done
  # The same counts from both, as a check that they did the same work.
  echo "   predictions: mlmon $(awk '/^mlmon_predictions_total\{/ {s += $2} END {printf "%d", s}' "$out/replay.prom")," \
    "mtail $(awk '/^mlmon_predictions_total\{/ {s += $2} END {printf "%d", s}' "$out/stdout-mtail.tmp");" \
    "labels: mlmon $(awk '/^mlmon_labels_total\{/ {s += $2} END {printf "%d", s}' "$out/replay.prom")," \
    "mtail $(awk '/^mlmon_labels_total\{/ {s += $2} END {printf "%d", s}' "$out/stdout-mtail.tmp")"
done
rm -f "$out"/*.tmp
