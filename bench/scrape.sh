#!/usr/bin/env bash
# Scrape latency while ingest runs at full speed: `mlmon run` catching up on a backlog of 5 models
# × 100 features (one log per model, each with its reference), while curl scrapes /metrics in a
# loop. Only scrapes answered while the backlog was still being read count. Prints p50/p90/p99/max
# of curl's time_total, once as plain text (curl's default) and once as Prometheus asks (OpenMetrics,
# gzip), alternating.
#
#   bench/scrape.sh                       # 400M of log per model, at most 600 scrapes or 120 s
#   SIZE=200M SCRAPES=300 bench/scrape.sh
#   MLMON_CMD="java -jar old/mlmon.jar" bench/scrape.sh   # another build (before/after)
#
# Generated logs go to bench/out/scrape/ (git-ignored) and are reused. Not part of the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/scrape"
size="${SIZE:-400M}"
max_scrapes="${SCRAPES:-600}"
max_seconds="${SECONDS_LIMIT:-120}"
models=5
features=100
mkdir -p "$out"
for tool in curl java python3; do
  command -v "$tool" >/dev/null || { echo "scrape.sh: $tool is needed" >&2; exit 1; }
done
"$root/mlmon" --version >/dev/null
read -r -a mlmon_cmd <<<"${MLMON_CMD:-$root/mlmon}"

for ((m = 0; m < models; m++)); do
  log="$out/log-$size-model-$m.jsonl"
  if [ ! -s "$log" ]; then
    echo "generating $log ..." >&2
    "$root/mlmon" generate --out "$log" --size "$size" --features "$features" --model "model-$m" \
      --seed "$((m + 1))" --reference "$out/ref-model-$m.csv" --reference-rows 5000 >&2
  fi
done
total_lines=$(cat "$out"/log-"$size"-model-*.jsonl | wc -l)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
state="$(mktemp -d)"
config="$out/run-$size.yml"
{
  echo "server: {listen: 127.0.0.1:$port}"
  echo "state_dir: $state"
  echo "sources:"
  for ((m = 0; m < models; m++)); do
    echo "  - {name: model-$m, path: log-$size-model-$m.jsonl, start_at: beginning}"
  done
  echo "models:"
  for ((m = 0; m < models; m++)); do
    echo "  - {name: model-$m, reference: ref-model-$m.csv, threshold: 0.5}"
  done
} >"$config"

cat "$out"/log-"$size"-model-*.jsonl >/dev/null
echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"${mlmon_cmd[@]}" run --config "$config" >"$out/run.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$state"
}
trap cleanup EXIT
url="http://127.0.0.1:$port/metrics"
for ((i = 0; i < 200; i++)); do
  curl -sf "http://127.0.0.1:$port/-/healthy" >/dev/null 2>&1 && break
  sleep 0.1
done

# Alternates plain and Prometheus-style scrapes; records "kind seconds bytes lines when" per scrape.
: >"$out/scrapes.txt"
prometheus_accept='application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'
start=$(date +%s)
for ((i = 0; i < max_scrapes; i++)); do
  if ((i % 2 == 0)); then
    t=$(curl -s -o "$out/body" -w '%{time_total} %{size_download}' "$url")
    kind=text
    lines=$(awk '/^mlmon_log_lines_total\{/ {s += $2} END {printf "%d", s}' "$out/body")
  else
    t=$(curl -s -o "$out/body.gz" -H "Accept: $prometheus_accept" -H 'Accept-Encoding: gzip' \
      -w '%{time_total} %{size_download}' "$url")
    kind=prometheus
    lines=$(gzip -dc "$out/body.gz" | awk '/^mlmon_log_lines_total\{/ {s += $2} END {printf "%d", s}')
  fi
  echo "$kind $t $lines $(date +%s.%N)" >>"$out/scrapes.txt"
  if ((lines >= total_lines)) || (($(date +%s) - start >= max_seconds)); then
    break
  fi
done
end=$(date +%s)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); backlog $total_lines lines, read $(tail -1 "$out/scrapes.txt" | awk '{print $4}') in $((end - start)) s"
python3 - "$out/scrapes.txt" "$total_lines" <<'EOF'
import sys
rows = [l.split() for l in open(sys.argv[1])]
total = int(sys.argv[2])
# Only scrapes answered while ingest was still catching up count.
during = [r for r in rows if int(r[3]) < total and int(r[3]) > 0]
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
for kind in ("text", "prometheus"):
    t = [float(r[1]) * 1000 for r in during if r[0] == kind]
    b = [int(r[2]) for r in during if r[0] == kind]
    if not t:
        print(f"{kind}: no scrapes during ingest")
        continue
    print(f"{kind:10s} n={len(t):4d}  p50={pct(t, 50):6.1f} ms  p90={pct(t, 90):6.1f} ms"
          f"  p99={pct(t, 99):6.1f} ms  max={max(t):6.1f} ms  body={sum(b) // len(b)} bytes")
print(f"scrapes during ingest: {len(during)} of {len(rows)}")
if len(during) > 1:
    first, last = during[0], during[-1]
    rate = (int(last[3]) - int(first[3])) / (float(last[4]) - float(first[4]))
    print(f"ingest meanwhile: {rate:,.0f} lines/s")
EOF
