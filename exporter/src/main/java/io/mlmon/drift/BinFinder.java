package io.mlmon.drift;

/**
 * {@link Bins#searchLeft} for one set of edges, in a few steps whatever their number: the range
 * from the first to the last edge is cut into equal cells, and a table gives, for each cell, the
 * edges that may be below a value in it. A value then needs one multiplication, one table read and,
 * with quantile edges, one or two comparisons, instead of a comparison with every edge (it runs for
 * every numeric value of every event).
 *
 * <p>Exact for any value, NaN and infinities included: the cell of a value never decreases as the
 * value grows (a subtraction and a multiplication by a positive number, both rounded, then a
 * truncation and a clamp), so an edge in an earlier cell is below every value of a later cell, and
 * an edge in a later cell above it; only the edges of the value's own cell are compared with it.
 */
final class BinFinder {
  private final double[] edges;
  private final double low;
  private final double scale;
  private final int lastCell;

  /** By cell: how many edges lie in earlier cells; one more entry, for the end. */
  private final int[] before;

  BinFinder(double[] edges) {
    this.edges = edges;
    int n = edges.length;
    double range = n < 2 ? 0 : edges[n - 1] - edges[0];
    int cells = Math.min(4096, Math.max(64, 8 * n));
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

  private int cell(double x) {
    // (int) truncates toward zero and maps NaN to 0 and ±∞ to the int limits: all clamped here.
    int c = (int) ((x - low) * scale);
    return c < 0 ? 0 : Math.min(c, lastCell);
  }

  /** {@code numpy.searchsorted(edges, x, side="left")}: the number of edges strictly below x. */
  int binOf(double x) {
    int c = cell(x);
    int bin = before[c];
    int end = before[c + 1];
    while (bin < end && edges[bin] < x) {
      bin++;
    }
    return bin;
  }
}
