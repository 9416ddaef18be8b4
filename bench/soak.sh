#!/usr/bin/env bash
# Soak: mlmon run for a while under steady traffic with log rotation and frequent scrapes, then
# check that the final counts are exact and memory stayed flat. Not part of the test suite.
#
#   bench/soak.sh [MINUTES [EVENTS_PER_SECOND]]      defaults: 10 minutes at 5000 events/s
#
# A writer (mlmon generate --rate) appends 20-feature predictions and their labels, renaming the
# log every minute like logrotate; mlmon run follows it with a reference (drift, bins and data
# quality on the hot path) and is scraped every second. At the end the script waits for mlmon to
# catch up and compares its counters with what the writer wrote, and prints RSS over time.
set -euo pipefail
minutes=${1:-10}
rate=${2:-5000}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/exporter/target/mlmon.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -ntp -Dstyle.color=never -DskipTests package)
work=$(mktemp -d /tmp/mlmon-soak.XXXXXX)
trap 'kill $mlmon_pid $writer_pid 2>/dev/null || true; wait 2>/dev/null || true' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

java -jar "$jar" generate --out "$work/unused.jsonl" --size 1K --reference "$work/reference.csv" 2>/dev/null
cat > "$work/mlmon.yml" <<YAML
server: {listen: "127.0.0.1:$port"}
state_dir: state
sources: [{name: soak, path: soak.jsonl, start_at: beginning}]
models: [{name: fraud, reference: reference.csv, threshold: 0.5}]
labels: {max_pending: 1000000}
YAML

java ${MLMON_JAVA_OPTS:-} -jar "$jar" run --config "$work/mlmon.yml" 2>"$work/mlmon.log" &
mlmon_pid=$!
until curl -sf "http://127.0.0.1:$port/-/healthy" >/dev/null; do sleep 0.2; done

java -jar "$jar" generate --out "$work/soak.jsonl" --rate "$rate" --duration "${minutes}m" \
  --rotate-every 1m --seed 7 >"$work/totals.json" 2>"$work/writer.log" &
writer_pid=$!

metric() { # name and labels as in the exposition; prints the value or 0
  grep -F "$1 " "$work/last.prom" | awk '{print $2}' | head -1 | sed 's/^$/0/' | awk '{printf "%.0f\n", $1}'
}
echo "second rss_mib lines_total scrape_ms"
second=0
while kill -0 "$writer_pid" 2>/dev/null; do
  start=$(date +%s%N)
  curl -sf "http://127.0.0.1:$port/metrics" -o "$work/last.prom" || true
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$mlmon_pid/status)
  echo "$second $rss $(metric 'mlmon_log_lines_total{source="soak"}') $ms" >>"$work/series.txt"
  if [ $((second % 30)) -eq 0 ]; then tail -1 "$work/series.txt"; fi
  second=$((second + 1))
  sleep 1
done
wait "$writer_pid"
expected_lines=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["lines"])' "$work/totals.json")
expected_predictions=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["predictions"])' "$work/totals.json")
expected_labels=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["labels"])' "$work/totals.json")
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/metrics" -o "$work/last.prom"
  [ "$(metric 'mlmon_log_lines_total{source="soak"}')" = "$expected_lines" ] && break
  sleep 1
done
predictions=$(grep '^mlmon_predictions_total{' "$work/last.prom" | awk '{s+=$2} END {printf "%.0f\n", s}')
labels=$(grep '^mlmon_labels_total{' "$work/last.prom" | awk '{s+=$2} END {printf "%.0f\n", s}')
rejected=$(grep '^mlmon_log_lines_rejected_total{' "$work/last.prom" | awk '{s+=$2} END {printf "%.0f\n", s}')
rotations=$(metric 'mlmon_log_rotations_total{source="soak"}')
echo
echo "written:  lines=$expected_lines predictions=$expected_predictions labels=$expected_labels"
echo "counted:  lines=$(metric 'mlmon_log_lines_total{source="soak"}') predictions=$predictions labels=$labels rejected=$rejected rotations=$rotations"
python3 - "$work/series.txt" <<'PY'
import sys
rows = [list(map(int, l.split())) for l in open(sys.argv[1])]
warm = [r for r in rows if r[0] >= 60]
rss = [r[1] for r in warm]
ms = sorted(r[3] for r in rows)
if rss:
    first, last = rss[: len(rss) // 4], rss[-(len(rss) // 4):]
    print(f"rss after warm-up (MiB): min {min(rss)} max {max(rss)} "
          f"first quarter avg {sum(first)/len(first):.0f} last quarter avg {sum(last)/len(last):.0f}")
print(f"scrape ms: p50 {ms[len(ms)//2]} p99 {ms[int(len(ms)*0.99)]} max {ms[-1]} over {len(ms)} scrapes")
PY
ok=1
[ "$(metric 'mlmon_log_lines_total{source="soak"}')" = "$expected_lines" ] || ok=0
[ "$predictions" = "$expected_predictions" ] || ok=0
[ "$labels" = "$expected_labels" ] || ok=0
[ "$rejected" = "0" ] || ok=0
if [ $ok = 1 ]; then echo "counts exact"; else echo "COUNTS DIFFER"; exit 1; fi
