package io.mlmon.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Numeric bin edges and bin lookup exactly as NumPy computes them (statistics.md). */
final class Bins {
  private Bins() {}

  /**
   * The distinct values of {@code numpy.quantile(sorted, k / bins)} for k = 1 … bins − 1, NumPy's
   * default method ('linear'), ascending. Empty for an empty sample.
   */
  static double[] quantileEdges(double[] sorted, int bins) {
    if (sorted.length == 0) {
      return new double[0];
    }
    double[] quantiles = new double[bins - 1];
    for (int k = 1; k < bins; k++) {
      quantiles[k - 1] = quantile(sorted, (double) k / bins);
    }
    Arrays.sort(quantiles);
    int count = 0;
    for (double v : quantiles) {
      // == treats -0.0 and 0.0 as one value, as numpy.unique does.
      if (count == 0 || v != quantiles[count - 1]) {
        quantiles[count++] = v;
      }
    }
    return Arrays.copyOf(quantiles, count);
  }

  /**
   * {@code numpy.quantile(sorted, q)} with the 'linear' method: h = (n − 1)·q and NumPy's {@code
   * _lerp} between the neighbours, including its switch to interpolating from the upper neighbour
   * when the weight is at least 0.5 (which makes the result bit-identical to NumPy's).
   */
  static double quantile(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = (n - 1) * q;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    double floor = Math.floor(virtual);
    int previous = (int) floor;
    double gamma = virtual - floor;
    double a = sorted[previous];
    double b = sorted[previous + 1];
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /**
   * {@code numpy.searchsorted(edges, x, side="left")}: the number of edges strictly below x, so
   * bins are right-closed: bin 0 = (−∞, e1], …, last = (e_last, +∞).
   */
  static int searchLeft(double[] edges, double x) {
    if (edges.length <= 16) {
      // The edges are sorted, so counting those below x finds the same bin. For the usual 9 or
      // fewer, a count without branches beats a binary search, whose every step is a coin flip
      // the CPU mispredicts half the time.
      int below = 0;
      for (double e : edges) {
        below += e < x ? 1 : 0;
      }
      return below;
    }
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Counts of an ascending sample in the bins of {@code edges}, in one merge pass. */
  static long[] countSorted(double[] edges, double[] sorted) {
    long[] counts = new long[edges.length + 1];
    int bin = 0;
    for (double x : sorted) {
      while (bin < edges.length && edges[bin] < x) {
        bin++;
      }
      counts[bin]++;
    }
    return counts;
  }

  /** Zero-padded bin indexes {@code 00}, {@code 01}, …, wide enough for the last index. */
  static List<String> numericLabels(int binCount) {
    int width = Math.max(2, Integer.toString(binCount - 1).length());
    List<String> labels = new ArrayList<>(binCount);
    for (int i = 0; i < binCount; i++) {
      String digits = Integer.toString(i);
      labels.add("0".repeat(width - digits.length()) + digits);
    }
    return labels;
  }
}
