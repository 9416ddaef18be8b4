package io.mlmon.monitor;

/** The histogram bucket bounds of metrics.md, in base units. */
final class Buckets {
  /** Serving latency in seconds: 1 ms to 10 s. */
  static final double[] LATENCY_SECONDS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  /** Classifier scores: 0.05, 0.10, … 1.0. */
  static final double[] SCORE = scoreBuckets();

  /** Label delay in seconds: a minute to 90 days (chargebacks take weeks). */
  static final double[] LABEL_DELAY_SECONDS = {
    60,
    300,
    900,
    3600,
    6 * 3600,
    12 * 3600,
    86_400,
    2 * 86_400,
    7 * 86_400,
    14 * 86_400,
    30 * 86_400,
    60 * 86_400,
    90 * 86_400
  };

  private Buckets() {}

  private static double[] scoreBuckets() {
    double[] b = new double[20];
    for (int i = 0; i < b.length; i++) {
      // Computed from integers so the bounds print as 0.05, 0.1, 0.15 … rather than
      // 0.15000000000000002.
      b[i] = (i + 1) * 5 / 100.0;
    }
    return b;
  }
}
