package io.mlmon.config;

import java.time.Duration;
import java.util.Objects;

/** How often and over which window drift is computed, and how it is decided. */
public record DriftConfig(
    Duration interval,
    int maxSamples,
    Duration maxAge,
    int minSamples,
    int psiBins,
    Decision decision,
    double datasetShare) {

  public DriftConfig {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(decision, "decision");
    if (maxSamples < 1 || minSamples < 1 || psiBins < 2) {
      throw new IllegalArgumentException("window sizes and bins must be positive");
    }
  }

  /**
   * The rule that turns a feature's scores into a drift decision: {@code auto} (statistics.md) or
   * one method with a threshold.
   */
  public record Decision(String method, double threshold) {
    public static final String AUTO = "auto";

    public Decision {
      Objects.requireNonNull(method, "method");
    }

    public static Decision auto() {
      return new Decision(AUTO, Double.NaN);
    }

    public boolean isAuto() {
      return AUTO.equals(method);
    }
  }
}
