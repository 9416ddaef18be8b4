package io.mlmon.monitor;

import java.util.ArrayList;
import java.util.List;

/** A classic histogram with fixed upper bounds, owned by one thread. */
final class Histogram {
  private final double[] bounds;
  private final long[] counts;
  private double sum;

  Histogram(double[] bounds) {
    this.bounds = bounds.clone();
    this.counts = new long[bounds.length + 1];
  }

  void observe(double value) {
    int i = 0;
    // Few buckets: a linear scan beats a binary search here.
    while (i < bounds.length && value > bounds[i]) {
      i++;
    }
    counts[i]++;
    sum += value;
  }

  HistogramData snapshot() {
    List<Double> upper = new ArrayList<>(bounds.length);
    for (double b : bounds) {
      upper.add(b);
    }
    List<Long> perBucket = new ArrayList<>(counts.length);
    for (long c : counts) {
      perBucket.add(c);
    }
    return new HistogramData(upper, perBucket, sum);
  }
}
