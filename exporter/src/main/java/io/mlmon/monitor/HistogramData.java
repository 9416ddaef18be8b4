package io.mlmon.monitor;

import java.util.List;

/**
 * A histogram at one moment: finite upper bounds, and the count of each bucket (not cumulative),
 * the last one being the +Inf bucket.
 */
public record HistogramData(List<Double> upperBounds, List<Long> counts, double sum) {
  public HistogramData {
    upperBounds = List.copyOf(upperBounds);
    counts = List.copyOf(counts);
    if (counts.size() != upperBounds.size() + 1) {
      throw new IllegalArgumentException("one count per bound, plus the +Inf bucket");
    }
  }

  public long count() {
    return counts.stream().mapToLong(Long::longValue).sum();
  }
}
