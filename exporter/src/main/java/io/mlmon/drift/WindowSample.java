package io.mlmon.drift;

import java.util.OptionalLong;

/**
 * An immutable copy of a {@link DriftWindow}: per feature the finite numeric values (numeric
 * features) or the count of values in each reference bin (categorical features), and the finite
 * scores. Safe to share between threads.
 */
public final class WindowSample {
  private final int rows;
  private final double[][] numeric;
  private final long[][] counts;
  private final double[] scores;
  private final long oldestMillis;
  private final long newestMillis;

  WindowSample(
      int rows,
      double[][] numeric,
      long[][] counts,
      double[] scores,
      long oldestMillis,
      long newestMillis) {
    this.rows = rows;
    this.numeric = numeric;
    this.counts = counts;
    this.scores = scores;
    this.oldestMillis = oldestMillis;
    this.newestMillis = newestMillis;
  }

  /** Rows (prediction events) in the window: {@code mlmon_drift_window_samples}. */
  public int rows() {
    return rows;
  }

  public int featureCount() {
    return numeric.length;
  }

  /** A feature's values in the window: finite numbers, or categorical values with a bin. */
  public long values(int feature) {
    if (numeric[feature] != null) {
      return numeric[feature].length;
    }
    long sum = 0;
    for (long c : counts[feature]) {
      sum += c;
    }
    return sum;
  }

  /** A numeric feature's finite values, in arrival order (a copy). */
  public double[] numericValues(int feature) {
    return numericShared(feature).clone();
  }

  /** A categorical feature's count per reference bin (a copy). */
  public long[] binCounts(int feature) {
    return countsShared(feature).clone();
  }

  /** The finite scores, in arrival order (a copy). */
  public double[] scores() {
    return scores.clone();
  }

  int scoreCount() {
    return scores.length;
  }

  /** Event time of the oldest row, when the window has rows. */
  public OptionalLong oldestMillis() {
    return rows == 0 ? OptionalLong.empty() : OptionalLong.of(oldestMillis);
  }

  /** Event time of the newest row, when the window has rows. */
  public OptionalLong newestMillis() {
    return rows == 0 ? OptionalLong.empty() : OptionalLong.of(newestMillis);
  }

  double[] numericShared(int feature) {
    if (numeric[feature] == null) {
      throw new IllegalArgumentException("feature " + feature + " is not numeric");
    }
    return numeric[feature];
  }

  long[] countsShared(int feature) {
    if (counts[feature] == null) {
      throw new IllegalArgumentException("feature " + feature + " is not categorical");
    }
    return counts[feature];
  }

  double[] scoresShared() {
    return scores;
  }
}
