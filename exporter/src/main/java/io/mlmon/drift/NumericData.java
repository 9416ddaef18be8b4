package io.mlmon.drift;

import java.util.Arrays;

/**
 * A numeric feature of the reference: R, the ascending sample of its values (all of them up to
 * {@link #SAMPLE_LIMIT}, else a seeded uniform sample of that many), with the count, minimum and
 * maximum of all of them.
 */
public final class NumericData implements FeatureData {
  /** At most this many reference values are kept (statistics.md). */
  public static final int SAMPLE_LIMIT = 100_000;

  private final String name;
  private final double[] sample;
  private final long count;
  private final double min;
  private final double max;

  private NumericData(String name, double[] sorted, long count, double min, double max) {
    this.name = name;
    this.sample = sorted;
    this.count = count;
    this.min = min;
    this.max = max;
  }

  /**
   * A numeric feature from its values (copied and sorted here).
   *
   * @param values R: every finite value when {@code count <= SAMPLE_LIMIT}, else a sample of {@code
   *     SAMPLE_LIMIT} of them
   * @param count finite values in the whole reference
   * @param min the smallest of all of them (ignored when count is 0)
   * @param max the largest of all of them (ignored when count is 0)
   */
  public static NumericData of(String name, double[] values, long count, double min, double max) {
    if (name == null) {
      throw new IllegalArgumentException("feature name is required");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    DriftMethods.checkSorted(sorted);
    long expected = Math.min(count, SAMPLE_LIMIT);
    if (sorted.length != expected) {
      throw new IllegalArgumentException(
          "feature \"" + name + "\": " + sorted.length + " sample values for a count of " + count);
    }
    if (count == 0) {
      return new NumericData(name, sorted, 0, 0, 0);
    }
    if (!(min <= sorted[0]) || !(max >= sorted[sorted.length - 1])) {
      throw new IllegalArgumentException(
          "feature \"" + name + "\": min and max must enclose the sample");
    }
    return new NumericData(name, sorted, count, min, max);
  }

  /** Every value exactly once: when the whole reference fits the sample, min/max are its ends. */
  public static NumericData ofAll(String name, double[] values) {
    if (values.length > SAMPLE_LIMIT) {
      throw new IllegalArgumentException("more than " + SAMPLE_LIMIT + " values: sample them");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return of(name, values, values.length, min, max);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return FeatureType.NUMERIC;
  }

  @Override
  public long count() {
    return count;
  }

  /** Smallest value of the whole reference (0 when it has none). */
  public double min() {
    return min;
  }

  /** Largest value of the whole reference (0 when it has none). */
  public double max() {
    return max;
  }

  /** True when R is a sample, not every value. */
  public boolean sampled() {
    return count > sample.length;
  }

  /** R, ascending (a copy). */
  public double[] sample() {
    return sample.clone();
  }

  public int sampleSize() {
    return sample.length;
  }

  /** R, ascending, shared: callers in this package never write to it. */
  double[] sortedSample() {
    return sample;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericData d
        && name.equals(d.name)
        && count == d.count
        && Double.compare(min, d.min) == 0
        && Double.compare(max, d.max) == 0
        && Arrays.equals(sample, d.sample);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(sample);
  }

  @Override
  public String toString() {
    return "NumericData[" + name + ", count=" + count + ", sample=" + sample.length + "]";
  }
}
