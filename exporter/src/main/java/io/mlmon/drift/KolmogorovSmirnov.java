package io.mlmon.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov–Smirnov test behind {@link DriftMethods#ks}: the statistic computed
 * exactly on sorted samples, the p-value from Commons Math.
 */
final class KolmogorovSmirnov {
  // exactP and cdf use no mutable state of the instance (its random generator is only used by the
  // Monte Carlo and tie-jittering methods, which are never called here), so one instance is shared.
  private static final KolmogorovSmirnovTest KS = new KolmogorovSmirnovTest();

  private KolmogorovSmirnov() {}

  /** The test on ascending finite samples (unchecked: callers check or build them so). */
  static TestResult test(double[] r, double[] c) {
    int n = r.length;
    int m = c.length;
    if (n == 0 || m == 0) {
      return TestResult.NO_EVIDENCE;
    }
    long maxGap = 0;
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      double v = Math.min(r[i], c[j]);
      while (i < n && r[i] <= v) {
        i++;
      }
      while (j < m && c[j] <= v) {
        j++;
      }
      maxGap = Math.max(maxGap, Math.abs((long) i * m - (long) j * n));
    }
    long nm = (long) n * m;
    double d = maxGap / ((double) n * m);
    if (maxGap == 0) {
      return new TestResult(0, 1);
    }
    double p;
    if (nm < DriftMethods.KS_EXACT_LIMIT) {
      p = KS.exactP(d, n, m, false);
    } else {
      p = asymptoticKsPValue(d, n, m);
    }
    return new TestResult(d, DriftMethods.clamp01(p));
  }

  private static double asymptoticKsPValue(double d, int n, int m) {
    double en = (double) n * m / ((double) n + m);
    int effective = (int) Math.max(1, Math.rint(en));
    // Massart's bound 2·exp(−2·N·d²) on the one-sample tail: below 1e-16 the p-value is 0 for every
    // purpose, and the Durbin matrix Commons Math uses for N <= 140 would only grow.
    if (2 * Math.exp(-2 * effective * d * d) < 1e-16) {
      return 0;
    }
    return 1 - KS.cdf(d, effective);
  }
}
