#!/bin/sh
# Simulated traffic of a bank's fraud model, written as a prediction log (see the log format in
# the design contract). It stands in for a model server in docker-compose.yml until
# `mlmon demo` can write its traffic without running the exporter. POSIX sh and awk only, so it
# runs in the mlmon image.
#
#   traffic.sh [LOG [PREDICTIONS_PER_SECOND [DRIFT_AFTER_SECONDS]]]
#       append traffic to LOG (default /var/log/model/predictions.jsonl) until stopped
#   traffic.sh --reference ROWS
#       print ROWS reference (training) rows as CSV on stdout, drawn like the traffic before
#       its drift episode; fraud-reference.csv was made with `traffic.sh --reference 2000`
#
# Every second: PREDICTIONS_PER_SECOND (default 20) predictions of model "fraud" version v3
# with features amount, hour, account_age_days and merchant_category, a score and the
# decision at 0.5; about 1% carry an error instead, latency is mostly 5-40 ms with rare
# spikes; the labels (fraud or not) of the previous second's predictions follow, and about
# one line in 500 is malformed. After DRIFT_AFTER_SECONDS (default 300) amounts grow and online
# purchases dominate: a drift episode that the drift alerts and dashboards should show.
# Every 200,000 lines the log is rotated the way logrotate does it (renamed to LOG.1).
set -eu

if [ "${1:-}" = "--reference" ]; then
  exec awk -v rows="${2:-2000}" -f /dev/stdin <<'AWK'
function normal() { return sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand()) }
function sigmoid(x) { return 1 / (1 + exp(-x)) }
BEGIN {
  srand(42)
  print "amount,hour,account_age_days,merchant_category,score"
  for (i = 0; i < rows; i++) {
    amount = exp(3.5 + normal()); hour = int(rand() * 24); age = -log(1 - rand()) * 400
    u = rand(); cat = u < 0.45 ? "pos" : u < 0.75 ? "online" : u < 0.9 ? "atm" : "transfer"
    risk = -3.4 + 0.8 * log(amount / 30) + (cat == "online") * 1.2 + (age < 30) * 1.5 + (hour < 6) * 0.8
    printf "%.2f,%d,%.1f,%s,%.4f\n", amount, hour, age, cat, sigmoid(risk + 0.8 * normal())
  }
}
AWK
fi

log=${1:-/var/log/model/predictions.jsonl}
rate=${2:-20}
drift_after=${3:-300}
mkdir -p "$(dirname "$log")"
exec awk -v out="$log" -v rate="$rate" -v drift_after="$drift_after" -f /dev/stdin <<'AWK'
function normal() { return sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand()) }
function sigmoid(x) { return 1 / (1 + exp(-x)) }
function now(   cmd, v) { cmd = "date +%s"; cmd | getline v; close(cmd); return v + 0 }
BEGIN {
  srand()
  start = now(); n = 0; pending = 0; lines = 0
  while (1) {
    t = now(); drifting = (t - start) >= drift_after
    # labels of the previous second's predictions: fraud with the probability behind its score
    for (j = 0; j < pending; j++) {
      printf "{\"type\":\"label\",\"ts\":%d,\"model\":\"fraud\",\"id\":\"%s\",\"label\":%s}\n", \
        t, pid[j], (rand() < truth[j] ? "true" : "false") >> out
    }
    pending = 0
    for (i = 0; i < rate; i++) {
      n++; ts = t + i / rate; id = "tx-" start "-" n
      amount = exp((drifting ? 4.3 : 3.5) + normal()); hour = int(rand() * 24)
      age = -log(1 - rand()) * 400
      u = rand(); online = drifting ? 0.6 : 0.3
      cat = u < online ? "online" : u < online + 0.35 ? "pos" : u < online + 0.5 ? "atm" : "transfer"
      latency = 5 + exp(2.3 + 0.5 * normal()); if (rand() < 0.005) latency = 300 + rand() * 500
      features = sprintf("{\"amount\":%.2f,\"hour\":%d,\"account_age_days\":%.1f,\"merchant_category\":\"%s\"}", \
        amount, hour, age, cat)
      if (rand() < 0.01) {
        printf "{\"ts\":%.3f,\"model\":\"fraud\",\"version\":\"v3\",\"id\":\"%s\",\"features\":%s,\"latency_ms\":%.1f,\"error\":\"%s\"}\n", \
          ts, id, features, latency, (rand() < 0.7 ? "TimeoutError" : "ValueError") >> out
        continue
      }
      risk = -3.4 + 0.8 * log(amount / 30) + (cat == "online") * 1.2 + (age < 30) * 1.5 + (hour < 6) * 0.8
      p = sigmoid(risk); score = sigmoid(risk + 0.8 * normal())
      printf "{\"ts\":%.3f,\"model\":\"fraud\",\"version\":\"v3\",\"id\":\"%s\",\"features\":%s,\"score\":%.4f,\"flagged\":%s,\"latency_ms\":%.1f}\n", \
        ts, id, features, score, (score >= 0.5 ? "true" : "false"), latency >> out
      pid[pending] = id; truth[pending] = p; pending++
      if (rand() < 0.002) print "{\"ts\":" >> out
    }
    fflush(out)
    lines += 2 * rate
    if (lines >= 200000) { close(out); system("mv -f '" out "' '" out ".1'"); lines = 0 }
    system("sleep 1")
  }
}
AWK
