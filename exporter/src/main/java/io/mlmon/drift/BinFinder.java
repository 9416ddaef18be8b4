package io.mlmon.drift;

/**
 * {@link Bins#searchLeft} for one set of edges, with (almost) no branch the processor could
 * mispredict. It runs for every numeric value of every event, in the C1-compiled code a sidecar
 * runs, where a comparison is a branch: a binary search, or counting the edges below a value with
 * comparisons, mispredicts about half of its steps.
 *
 * <ul>
 *   <li>Up to {@value #FEW_EDGES} finite edges (the default is 9): counts the edges below x from
 *       the sign bit of e − x, which is set exactly when e < x (a difference of two different
 *       doubles is never zero, and -0.0 edges are kept as 0.0 so that 0.0 − 0.0 gives +0.0 as -0.0
 *       < 0.0 is false).
 *   <li>More: the range from the first to the last edge is cut into equal cells, and a table gives,
 *       for each cell, the edges that may be below a value in it. The cell of a value never
 *       decreases as the value grows (a subtraction and a multiplication by a positive number, both
 *       rounded, then a truncation and a clamp), so an edge in an earlier cell is below every value
 *       of a later cell, and an edge in a later cell above it; only the edges of the value's own
 *       cell are compared with it.
 * </ul>
 *
 * Both give exactly what {@link Bins#searchLeft} gives, NaN (bin 0) and infinities included.
 */
final class BinFinder {
  static final int FEW_EDGES = 16;

  private final double[] edges;
  private final boolean fewFiniteEdges;
  private final double low;
  private final double scale;
  private final int lastCell;

  /** By cell: how many edges lie in earlier cells; one more entry, for the end. */
  private final int[] before;

  BinFinder(double[] edges) {
    int n = edges.length;
    this.edges = edges.clone();
    boolean finite = true;
    for (int i = 0; i < n; i++) {
      if (this.edges[i] == 0) {
        this.edges[i] = 0.0; // -0.0 too: see the class comment
      }
      finite &= Double.isFinite(edges[i]);
    }
    // Quantiles of finite values are finite; an infinite edge would make e - x NaN for x = e.
    this.fewFiniteEdges = n <= FEW_EDGES && finite;
    double range = n < 2 ? 0 : edges[n - 1] - edges[0];
    int cells = fewFiniteEdges ? 1 : Math.min(4096, Math.max(64, 8 * n));
    double s = cells / range;
    if (!(range > 0) || !Double.isFinite(s) || !Double.isFinite(range)) {
      // One edge or none, or a range that overflows: one cell holding every edge.
      cells = 1;
      s = 0;
    }
    this.low = n == 0 ? 0 : edges[0];
    this.scale = s;
    this.lastCell = cells - 1;
    this.before = new int[cells + 1];
    int[] inCell = new int[cells];
    for (double e : edges) {
      inCell[cell(e)]++;
    }
    for (int c = 0; c < cells; c++) {
      before[c + 1] = before[c] + inCell[c];
    }
  }

  /** {@code numpy.searchsorted(edges, x, side="left")}: the number of edges strictly below x. */
  int binOf(double x) {
    return fewFiniteEdges ? countBelow(x) : lookUp(x);
  }

  private int countBelow(double x) {
    if (x != x) {
      return 0; // NaN: e - NaN has no meaningful sign
    }
    int below = 0;
    for (double e : edges) {
      below += (int) (Double.doubleToRawLongBits(e - x) >>> 63);
    }
    return below;
  }

  private int lookUp(double x) {
    int c = cell(x);
    int bin = before[c];
    int end = before[c + 1];
    while (bin < end && edges[bin] < x) {
      bin++;
    }
    return bin;
  }

  private int cell(double x) {
    // (int) truncates toward zero and maps NaN to 0 and ±∞ to the int limits: all clamped here.
    int c = (int) ((x - low) * scale);
    return c < 0 ? 0 : Math.min(c, lastCell);
  }
}
