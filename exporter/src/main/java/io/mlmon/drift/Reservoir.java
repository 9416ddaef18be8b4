package io.mlmon.drift;

import java.util.Arrays;

/**
 * The finite values of a numeric column: all of them up to {@link NumericData#SAMPLE_LIMIT}, then a
 * uniform sample of that many (Algorithm R with a fixed seed, so the same rows in the same order
 * always give the same sample), plus count, min and max of all of them.
 */
final class Reservoir {
  private static final long SEED = 0x6d6c6d6f6e5eedL;

  private double[] values = new double[16];
  private int size;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long state = SEED;

  void add(double v) {
    count++;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (size < NumericData.SAMPLE_LIMIT) {
      if (size == values.length) {
        values = Arrays.copyOf(values, Math.min(NumericData.SAMPLE_LIMIT, size * 2));
      }
      values[size++] = v;
      return;
    }
    long j = nextBelow(count);
    if (j < NumericData.SAMPLE_LIMIT) {
      values[(int) j] = v;
    }
  }

  long count() {
    return count;
  }

  /** True while every value seen is still held, in arrival order. */
  boolean complete() {
    return count == size;
  }

  /** The values held (every value while {@link #complete()}). */
  double[] values() {
    return Arrays.copyOf(values, size);
  }

  NumericData toData(String name) {
    return NumericData.of(name, values(), count, min, max);
  }

  /** Uniform in [0, bound) from SplitMix64, unbiased by rejection. */
  private long nextBelow(long bound) {
    while (true) {
      long bits = next() >>> 1;
      long value = bits % bound;
      if (bits - value + (bound - 1) >= 0) {
        return value;
      }
    }
  }

  private long next() {
    long z = (state += 0x9e3779b97f4a7c15L);
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
