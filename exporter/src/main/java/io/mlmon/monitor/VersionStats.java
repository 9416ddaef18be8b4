package io.mlmon.monitor;

import io.mlmon.quality.Outcome;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The traffic and outcome counters of one model version, owned by the ingest thread. */
final class VersionStats {
  long predictions;
  long flagged;
  private long[] errors = new long[4];
  final Histogram latency = new Histogram(Buckets.LATENCY_SECONDS);
  final Histogram score = new Histogram(Buckets.SCORE);
  final long[] outcomes = new long[Outcome.values().length];
  final double[] expected = new double[Outcome.values().length];

  void countError(int errorIndex) {
    if (errorIndex >= errors.length) {
      errors = Arrays.copyOf(errors, Math.max(errorIndex + 1, errors.length * 2));
    }
    errors[errorIndex]++;
  }

  VersionSnapshot snapshot(String version, CappedNames errorNames) {
    Map<String, Long> errorCounts = new LinkedHashMap<>();
    for (int i = 0; i < errors.length; i++) {
      if (errors[i] > 0) {
        errorCounts.put(errorNames.name(i), errors[i]);
      }
    }
    Map<Outcome, Long> outcomeCounts = new LinkedHashMap<>();
    Map<Outcome, Double> expectedSums = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      outcomeCounts.put(o, outcomes[o.ordinal()]);
      expectedSums.put(o, expected[o.ordinal()]);
    }
    return new VersionSnapshot(
        version,
        predictions,
        flagged,
        errorCounts,
        latency.snapshot(),
        score.snapshot(),
        outcomeCounts,
        expectedSums);
  }
}
