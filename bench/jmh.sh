#!/usr/bin/env bash
# The JMH benchmarks as docs/performance.md reports them: the hot paths at the default sizes, then
# how cost grows with features, window size and label backlog. Results (text) go to
# bench/out/jmh/. One fork each, 3 warm-up and 5 measured iterations of 2 s: about 15 minutes.
#
#   bench/jmh.sh                               # builds benchmarks/target/benchmarks.jar if needed
#   JAR=old/benchmarks.jar TAG=before bench/jmh.sh   # another build (before/after)
#   ONLY=defaults bench/jmh.sh                 # defaults | scaling | c1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/jmh"
jar="${JAR:-$root/benchmarks/target/benchmarks.jar}"
mkdir -p "$out"
if [ -z "${JAR:-}" ] && [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -ntp -q -Pbenchmarks package -DskipTests)
fi
opts=(-f 1 -wi 3 -i 5 -w 2 -r 2)
tag="${TAG:-current}"

bench() {
  local name="$1"
  shift
  echo "== $name: $* (load $(cut -d' ' -f1-3 /proc/loadavg))"
  java -jar "$jar" "$@" "${opts[@]}" -rf text -rff "$out/$tag-$name.txt" >"$out/$tag-$name.log" 2>&1
  sed -n '/^Benchmark/,$p' "$out/$tag-$name.txt"
}

case "${ONLY:-all}" in
  all | defaults)
    bench ingest 'IngestBenchmark'
    bench label-join 'LabelJoinBenchmark'
    bench scrape 'ScrapeBenchmark'
    bench drift 'DriftEvaluationBenchmark'
    ;;&
  all | scaling)
    bench features 'IngestBenchmark.parseAndUpdate' -p features=5,20,100
    bench window 'IngestBenchmark.parseAndUpdate' -p windowSamples=1000,10000,100000
    bench backlog 'IngestBenchmark.parseAndUpdate' -p maxPending=10000,100000,1000000
    bench join-backlog 'LabelJoinBenchmark.addAndJoin' -p backlog=10000,100000,1000000
    bench drift-window 'DriftEvaluationBenchmark.evaluate' -p windowSamples=1000,10000,100000
    bench drift-features 'DriftEvaluationBenchmark.evaluate' -p features=20,100
    ;;&
  all | c1)
    # C1 as ./mlmon runs it: with its compile commands.
    c1="-XX:TieredStopAtLevel=1 -XX:CompileCommandFile=$root/exporter/src/main/jvm/hotspot_compiler"
    bench ingest-c1 'IngestBenchmark' -jvmArgsAppend "$c1"
    bench scrape-c1 'ScrapeBenchmark.(collect$|collectAndWriteMlmon)' -jvmArgsAppend "$c1"
    ;;
esac
