#!/usr/bin/env bash
# CPU of the sidecar at a steady, modest rate: `mlmon run` following a log that a writer appends
# to at RATE lines per second (default 1,000; 20 features, labels for 30%, from `mlmon generate`),
# with its reference, drift every 15 s and host sampling on, and scraped every SCRAPE_EVERY seconds
# (default 15, Prometheus's usual interval; 0: never) as Prometheus asks (OpenMetrics, gzip), as
# deployed. After a warm-up, the process's CPU ticks (utime + stime from /proc/<pid>/stat) are read
# at the start and the end of a DURATION-second window; CPU from start-up is reported separately.
#
#   bench/idle-cpu.sh                    # 1,000 lines/s, 20 s warm-up, 60 s measured
#   RATE=5000 DURATION=30 bench/idle-cpu.sh
#   SCRAPE_EVERY=0 bench/idle-cpu.sh     # no scrapes but the two that count predictions
#   MLMON_CMD="java -jar old/mlmon.jar" bench/idle-cpu.sh   # another build (before/after)
#
# Files go to bench/out/idle/ (git-ignored). Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/idle"
rate="${RATE:-1000}"
duration="${DURATION:-60}"
warmup="${WARMUP:-20}"
scrape_every="${SCRAPE_EVERY:-15}"
mkdir -p "$out"
for tool in python3 curl; do
  command -v "$tool" >/dev/null || { echo "idle-cpu.sh: $tool is needed" >&2; exit 1; }
done
"$root/mlmon" --version >/dev/null
read -r -a mlmon_cmd <<<"${MLMON_CMD:-$root/mlmon}"

source_log="$out/source-f20.jsonl"
if [ ! -s "$source_log" ]; then
  "$root/mlmon" generate --out "$source_log" --size 60M --features 20 --reference "$out/ref-f20.csv" >&2
fi
log="$out/predictions.jsonl"
: >"$log"
state="$(mktemp -d)"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$out/run.yml" <<EOF
server: {listen: 127.0.0.1:$port}
state_dir: $state
sources:
  - {name: predictions, path: predictions.jsonl, start_at: end}
models:
  - {name: fraud, reference: ref-f20.csv, threshold: 0.5}
EOF

# The writer: RATE lines a second, in ten slices a second, paced by the clock (not by sleeps alone).
python3 - "$source_log" "$log" "$rate" "$((warmup + duration + 5))" <<'EOF' &
import sys, time
src, dst, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
lines = open(src, encoding="utf-8").read().splitlines(keepends=True)
start = time.monotonic(); written = 0
with open(dst, "a", encoding="utf-8") as out:
    while (now := time.monotonic() - start) < seconds:
        due = int(now * rate)
        if due > written:
            out.writelines(lines[i % len(lines)] for i in range(written, due))
            out.flush()
            written = due
        time.sleep(0.1)
EOF
writer=$!
"${mlmon_cmd[@]}" run --config "$out/run.yml" >"$out/run.log" 2>&1 &
pid=$!
scraper=
if [ "$scrape_every" != 0 ]; then
  accept='application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5'
  while sleep "$scrape_every"; do
    curl -s -o /dev/null -H "Accept: $accept" -H 'Accept-Encoding: gzip' \
      "http://127.0.0.1:$port/metrics" || true
  done &
  scraper=$!
fi
cleanup() {
  kill "$writer" "$pid" $scraper 2>/dev/null || true
  wait "$writer" "$pid" $scraper 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
predictions() {
  curl -s "http://127.0.0.1:$port/metrics" | awk '/^mlmon_predictions_total\{/ {s += $2} END {printf "%d", s}'
}
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg); rate $rate lines/s;" \
  "scraped every ${scrape_every} s"
sleep "$warmup"
t0=$(ticks)
p0=$(predictions)
w0=$(date +%s.%N)
sleep "$duration"
t1=$(ticks)
p1=$(predictions)
w1=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v t0="$t0" -v t1="$t1" -v hz="$hz" -v w0="$w0" -v w1="$w1" -v p0="$p0" -v p1="$p1" \
  -v warm="$warmup" -v rss="$rss" -v hwm="$hwm" 'BEGIN {
  wall = w1 - w0
  printf "start-up and warm-up (%d s): %.2f CPU s\n", warm, t0 / hz
  printf "measured %.1f s: %.2f CPU s = %.2f%% of one core; %d predictions read (%.0f/s)\n",
    wall, (t1 - t0) / hz, 100 * (t1 - t0) / hz / wall, p1 - p0, (p1 - p0) / wall
  printf "RSS now %.0f MB, peak %.0f MB\n", rss / 1024, hwm / 1024
}'
