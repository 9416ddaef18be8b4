package io.mlmon.drift;

/**
 * {@link Bins#searchLeft} for one set of edges, without a branch the processor could mispredict for
 * the usual few edges. It runs for every numeric value of every event, in the C1-compiled code a
 * sidecar runs, where a comparison is a branch: counting the edges below a value with comparisons,
 * or a binary search, mispredicts about half of its steps.
 *
 * <p>Up to {@value #FEW_EDGES} finite edges (the default {@code psi_bins} of 10 gives 9), it counts
 * the edges below x from the sign bit of e − x, which is set exactly when e < x: a difference of
 * two different doubles is never zero, and -0.0 edges are kept as 0.0 so that 0.0 − 0.0 gives +0.0
 * (as -0.0 < 0.0 is false). Beyond that, or with an infinite edge (e − x would be NaN for x = e),
 * it is {@link Bins#searchLeft}. Either way the answer is exactly {@link Bins#searchLeft}'s, NaN
 * (bin 0) and infinities included.
 */
final class BinFinder {
  static final int FEW_EDGES = 16;

  private final double[] edges;
  private final boolean fewFiniteEdges;

  BinFinder(double[] edges) {
    this.edges = edges.clone();
    boolean finite = true;
    for (int i = 0; i < edges.length; i++) {
      if (this.edges[i] == 0) {
        this.edges[i] = 0.0; // -0.0 too: see the class comment
      }
      finite &= Double.isFinite(edges[i]);
    }
    this.fewFiniteEdges = edges.length <= FEW_EDGES && finite;
  }

  /** {@code numpy.searchsorted(edges, x, side="left")}: the number of edges strictly below x. */
  int binOf(double x) {
    return fewFiniteEdges ? countBelow(x) : Bins.searchLeft(edges, x);
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
}
