package io.mlmon.drift;

import java.util.Objects;

/**
 * The {@code drift} config an evaluation needs.
 *
 * @param minSamples a feature (or the score) is evaluated when the window holds at least this many
 *     of its finite values
 * @param rule {@code drift.decision}
 * @param datasetShare dataset drift when the share of drifted features reaches this
 */
public record DriftSettings(int minSamples, DriftRule rule, double datasetShare) {
  public DriftSettings {
    Objects.requireNonNull(rule, "rule");
    if (minSamples < 1) {
      throw new IllegalArgumentException("minSamples must be at least 1");
    }
    if (!(datasetShare >= 0 && datasetShare <= 1)) {
      throw new IllegalArgumentException("datasetShare must lie in [0, 1]: " + datasetShare);
    }
  }
}
