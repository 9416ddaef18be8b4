package io.mlmon.drift;

/**
 * A statistic with its p-value, both finite: the statistic is non-negative and the p-value lies in
 * [0, 1].
 */
public record TestResult(double statistic, double pValue) {
  /** No evidence at all (an empty sample): statistic 0, p-value 1. */
  public static final TestResult NO_EVIDENCE = new TestResult(0, 1);

  public TestResult {
    if (!(statistic >= 0) || !(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException(
          "statistic must be >= 0 and p-value in [0, 1]: " + statistic + ", " + pValue);
    }
  }
}
