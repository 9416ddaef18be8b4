package io.mlmon.drift;

import org.apache.commons.math3.special.Gamma;

/**
 * The drift methods of statistics.md, exact and pure. Each agrees with its NumPy/SciPy counterpart
 * (see {@code src/test/resources/drift/make_expected.py}).
 *
 * <p>Shares ({@code p}, {@code q}) are per-bin fractions of one distribution; sorted samples are
 * ascending arrays of finite values. No method returns NaN: an empty distribution or sample is "no
 * evidence" (distance 0, p-value 1), documented on each method.
 */
public final class DriftMethods {
  /** The share that replaces an empty bin in {@code psi} and in {@code chi2}'s expected counts. */
  public static final double SMOOTHING = 0.0001;

  /** Below this product of the two sample sizes the KS p-value is exact, else asymptotic. */
  public static final long KS_EXACT_LIMIT = 10_000;

  private DriftMethods() {}

  /**
   * Population stability index: Σ (p_i − q_i)·ln(p_i / q_i), where a zero share is first replaced
   * by {@link #SMOOTHING}. Zero for identical shares; 0 for empty arrays.
   */
  public static double psi(double[] p, double[] q) {
    sameLength(p, q);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i] == 0 ? SMOOTHING : p[i];
      double qi = q[i] == 0 ? SMOOTHING : q[i];
      sum += (pi - qi) * Math.log(pi / qi);
    }
    return sum;
  }

  /**
   * Jensen–Shannon distance with the natural logarithm, no smoothing, as {@code
   * scipy.spatial.distance.jensenshannon(p, q)}: both are normalised to sum 1 first. Between 0 and
   * √ln 2. When either sums to 0 (no evidence) the distance is 0.
   */
  public static double jensenShannon(double[] p, double[] q) {
    sameLength(p, q);
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i];
      sq += q[i];
    }
    if (!(sp > 0) || !(sq > 0)) {
      return 0;
    }
    double left = 0;
    double right = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = p[i] / sp;
      double qi = q[i] / sq;
      double mi = (pi + qi) / 2.0;
      left += relativeEntropy(pi, mi);
      right += relativeEntropy(qi, mi);
    }
    double js = left + right;
    // Rounding can leave a tiny negative sum for identical distributions; the distance is then 0.
    return js > 0 ? Math.sqrt(js / 2.0) : 0;
  }

  private static double relativeEntropy(double x, double y) {
    return x > 0 ? x * Math.log(x / y) : 0;
  }

  /**
   * Chi-square goodness of fit of the window's bin counts against m·q', where q' is q with zero
   * shares replaced by {@link #SMOOTHING} and renormalised to sum 1, df = bins − 1; as {@code
   * scipy.stats.chisquare(counts, m * q_prime)}. The upper tail is computed directly (the
   * regularised upper incomplete gamma function that Commons Math's {@code ChiSquaredDistribution}
   * is built on), so tiny p-values keep their relative precision instead of becoming {@code 1 -
   * cdf}. No evidence (statistic 0, p-value 1) for an empty window or fewer than two bins.
   */
  public static TestResult chi2(long[] counts, double[] q) {
    if (counts.length != q.length) {
      throw new IllegalArgumentException("counts and shares differ in length");
    }
    long m = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("negative count");
      }
      m += c;
    }
    if (m == 0 || counts.length < 2) {
      return TestResult.NO_EVIDENCE;
    }
    double[] smoothed = new double[q.length];
    double total = 0;
    for (int i = 0; i < q.length; i++) {
      smoothed[i] = q[i] == 0 ? SMOOTHING : q[i];
      total += smoothed[i];
    }
    double statistic = 0;
    for (int i = 0; i < counts.length; i++) {
      double expected = m * (smoothed[i] / total);
      double diff = counts[i] - expected;
      statistic += diff * diff / expected;
    }
    double p = Gamma.regularizedGammaQ((counts.length - 1) / 2.0, statistic / 2.0);
    return new TestResult(statistic, clamp01(p));
  }

  /**
   * Chi-square test of homogeneity between the reference's and the window's bin counts, as {@code
   * scipy.stats.chi2_contingency([reference, window], correction=False)} over the bins that are not
   * empty in both: expected counts come from the pooled shares, so the reference's own sampling
   * error is accounted for. This is what decides drift for {@code chi2} (see {@link DriftRule});
   * the reported {@code chi2} score and p-value stay the goodness of fit of {@link #chi2}. No
   * evidence when either sample is empty or fewer than two bins have values.
   */
  public static TestResult chi2Homogeneity(long[] reference, long[] window) {
    if (reference.length != window.length) {
      throw new IllegalArgumentException("the two count arrays differ in length");
    }
    long n = 0;
    long m = 0;
    int used = 0;
    for (int i = 0; i < reference.length; i++) {
      if (reference[i] < 0 || window[i] < 0) {
        throw new IllegalArgumentException("negative count");
      }
      n += reference[i];
      m += window[i];
      if (reference[i] + window[i] > 0) {
        used++;
      }
    }
    if (n == 0 || m == 0 || used < 2) {
      return TestResult.NO_EVIDENCE;
    }
    double total = (double) n + m;
    double statistic = 0;
    for (int i = 0; i < reference.length; i++) {
      long column = reference[i] + window[i];
      if (column == 0) {
        continue;
      }
      double expectedReference = n * (column / total);
      double expectedWindow = m * (column / total);
      double dr = reference[i] - expectedReference;
      double dw = window[i] - expectedWindow;
      statistic += dr * dr / expectedReference + dw * dw / expectedWindow;
    }
    double p = Gamma.regularizedGammaQ((used - 1) / 2.0, statistic / 2.0);
    return new TestResult(statistic, clamp01(p));
  }

  /**
   * Two-sample Kolmogorov–Smirnov test on ascending samples, as {@code scipy.stats.ks_2samp(r, c)}.
   * The statistic is exact, ties included (the empirical CDFs are compared after every distinct
   * value, never jittered). The two-sided p-value is P(D ≥ d): exact (Commons Math's lattice-path
   * count) when n·m &lt; {@value #KS_EXACT_LIMIT}; else asymptotic, SciPy's own formula {@code
   * kstwo.sf(d, round(n·m/(n+m)))}, with the one-sample Kolmogorov distribution from Commons Math.
   * An asymptotic p-value below 1e-16 is reported as 0. No evidence for an empty sample.
   *
   * @throws IllegalArgumentException when a sample is not ascending or holds a non-finite value
   */
  public static TestResult ks(double[] sortedR, double[] sortedC) {
    checkSorted(sortedR);
    checkSorted(sortedC);
    return KolmogorovSmirnov.test(sortedR, sortedC);
  }

  /**
   * First Wasserstein distance between two ascending samples, as {@code
   * scipy.stats.wasserstein_distance(r, c)}: the integral of |F_r − F_c|. 0 when a sample is empty.
   *
   * @throws IllegalArgumentException when a sample is not ascending or holds a non-finite value
   */
  public static double wassersteinDistance(double[] sortedR, double[] sortedC) {
    checkSorted(sortedR);
    checkSorted(sortedC);
    return wassersteinSorted(sortedR, sortedC);
  }

  /**
   * The {@code wasserstein} drift score of statistics.md: the first Wasserstein distance divided by
   * max(std(r), 0.001), std with ddof 0. 0 when a sample is empty; {@link Double#MAX_VALUE} if the
   * values are so large that the distance overflows.
   */
  public static double wasserstein(double[] sortedR, double[] sortedC) {
    checkSorted(sortedR);
    checkSorted(sortedC);
    return normalisedWasserstein(wassersteinSorted(sortedR, sortedC), std(sortedR));
  }

  static double normalisedWasserstein(double distance, double stdR) {
    double w = distance / Math.max(stdR, 0.001);
    if (Double.isNaN(w)) {
      return 0;
    }
    return Math.min(w, Double.MAX_VALUE);
  }

  static double wassersteinSorted(double[] r, double[] c) {
    int n = r.length;
    int m = c.length;
    if (n == 0 || m == 0) {
      return 0;
    }
    int i = 0;
    int j = 0;
    double current = Math.min(r[0], c[0]);
    double total = 0;
    while (true) {
      while (i < n && r[i] <= current) {
        i++;
      }
      while (j < m && c[j] <= current) {
        j++;
      }
      double next;
      if (i < n && j < m) {
        next = Math.min(r[i], c[j]);
      } else if (i < n) {
        next = r[i];
      } else if (j < m) {
        next = c[j];
      } else {
        return total;
      }
      total += Math.abs(i / (double) n - j / (double) m) * (next - current);
      current = next;
    }
  }

  /**
   * Population standard deviation (ddof 0) of finite values, two-pass like {@code numpy.std}; 0 for
   * an empty array.
   */
  public static double std(double[] values) {
    int n = values.length;
    if (n == 0) {
      return 0;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      double d = v - mean;
      squares += d * d;
    }
    return Math.sqrt(squares / n);
  }

  static double clamp01(double p) {
    if (Double.isNaN(p)) {
      return 1;
    }
    return Math.max(0, Math.min(1, p));
  }

  private static void sameLength(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("the two distributions differ in bin count");
    }
  }

  static void checkSorted(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("sample holds a non-finite value");
      }
      if (i > 0 && values[i] < values[i - 1]) {
        throw new IllegalArgumentException("sample is not sorted ascending");
      }
    }
  }
}
