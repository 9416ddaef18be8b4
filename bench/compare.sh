#!/usr/bin/env bash
# Before/after of a change to ingest: `mlmon replay` of the same log by two or more builds (jars),
# interleaved run by run so that the shared host's slow spells hit them alike. Prints every run and
# each jar's median and mean wall time. The JVM flags are the ./mlmon wrapper's defaults, without
# its class-data archive (it belongs to one build), so the times include ~0.12 s more start-up;
# CDS=1 gives each jar an archive of its own first (made by replaying the 100 MB log), as the
# wrapper does, for start-up comparisons.
#
#   cp exporter/target/mlmon.jar /tmp/before.jar        # then make the change and build again
#   bench/compare.sh /tmp/before.jar exporter/target/mlmon.jar
#   RUNS=8 LOG=100M bench/compare.sh a.jar b.jar c.jar
#   JAVA_OPTS="-XX:TieredStopAtLevel=4" bench/compare.sh a.jar b.jar   # added to the defaults
#   CDS=1 LOG=empty RUNS=15 JAVA_OPTS=-Xms96m bench/compare.sh a.jar b.jar   # start-up, as replay
#   CDS=1 LOG=empty-noref RUNS=15 JAVA_OPTS=-Xms96m bench/compare.sh a.jar b.jar   # no reference
#
# LOG=empty replays an empty log with the 20-feature reference, LOG=empty-noref without one: the
# difference is what loading the reference adds to start-up.
#
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
runs="${RUNS:-5}"
case "${LOG:-1G}" in
  empty | empty-noref) config="$out/replay-$LOG.yml" ;;
  *) config="$out/replay-${LOG:-1G}-f20.yml" ;;
esac
[ $# -ge 2 ] || { echo "usage: bench/compare.sh A.jar B.jar [more.jar ...]" >&2; exit 2; }
[ -f "$config" ] || { echo "compare.sh: $config is missing; run bench/ingest.sh first" >&2; exit 1; }
jars=()
for jar in "$@"; do
  [ -f "$jar" ] || { echo "compare.sh: no such jar: $jar" >&2; exit 1; }
  jars+=("$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")")
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2206 # options are words
opts=(-XX:+UseSerialGC -XX:PretenureSizeThreshold=4m -Xms16m -XX:TieredStopAtLevel=1
  "-XX:CompileCommandFile=$root/exporter/src/main/jvm/hotspot_compiler" ${JAVA_OPTS:-})
archive=()
for i in "${!jars[@]}"; do
  archive[i]=""
  if [ "${CDS:-0}" = 1 ]; then
    (cd "$out" && java "${opts[@]}" -XX:ArchiveClassesAtExit="$work/cds-$i.jsa" -Xlog:cds=off \
      -Xlog:cds+dynamic=off -jar "${jars[$i]}" replay --config "$out/replay-100M-f20.yml" \
      >/dev/null 2>&1) || { echo "compare.sh: no archive for ${jars[$i]}" >&2; exit 1; }
    archive[i]="-XX:SharedArchiveFile=$work/cds-$i.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
done
echo "config: $config; $runs runs per jar; archives: ${CDS:-0}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= runs; r++)); do
  for i in "${!jars[@]}"; do
    # shellcheck disable=SC2086 # the archive options are words
    (cd "$out" && /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
      java "${opts[@]}" ${archive[i]} -jar "${jars[$i]}" replay --config "$config" \
      >"$work/out-$i" 2>"$work/err") \
      || { echo "compare.sh: ${jars[$i]} failed:" >&2; cat "$work/err" >&2; exit 1; }
    echo "$i $(cat "$work/time")" | tee -a "$work/times"
  done
done
echo "jar: median / mean wall s of $runs runs"
for i in "${!jars[@]}"; do
  awk -v i="$i" '$1 == i {print $2, $3}' "$work/times" | sort -g | awk -v jar="${jars[$i]}" \
    '{w[NR] = $1; s += $1} END {m = NR % 2 ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2;
      printf "%s: %.3f / %.3f\n", jar, m, s / NR}'
  if ! cmp -s <(grep -v _timestamp_seconds "$work/out-0") <(grep -v _timestamp_seconds "$work/out-$i"); then
    echo "   its metrics differ from ${jars[0]}'s" >&2
  fi
done
