package io.mlmon.monitor;

import io.mlmon.quality.Outcome;
import java.util.Map;
import java.util.Objects;

/** One model version's traffic and outcomes at one moment. */
public record VersionSnapshot(
    String version,
    long predictions,
    long flagged,
    Map<String, Long> errors,
    HistogramData latencySeconds,
    HistogramData score,
    Map<Outcome, Long> outcomes,
    Map<Outcome, Double> expectedOutcomes) {

  public VersionSnapshot {
    Objects.requireNonNull(version, "version");
    errors = Map.copyOf(errors);
    Objects.requireNonNull(latencySeconds, "latencySeconds");
    Objects.requireNonNull(score, "score");
    outcomes = Map.copyOf(outcomes);
    expectedOutcomes = Map.copyOf(expectedOutcomes);
  }

  public long outcome(Outcome o) {
    return outcomes.getOrDefault(o, 0L);
  }

  public double expected(Outcome o) {
    return expectedOutcomes.getOrDefault(o, 0.0);
  }

  public long errorsTotal() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
