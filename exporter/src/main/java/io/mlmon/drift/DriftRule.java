package io.mlmon.drift;

import java.util.Objects;

/**
 * Turns a feature's scores into a drift decision: {@code auto} (statistics.md, after Evidently) or
 * one configured method with a threshold (distances: drift when score &ge; threshold; p-value
 * methods: drift when p &lt; threshold).
 *
 * <p>{@code chi2} decides by the p-value of the two-sample chi-square test of homogeneity between
 * the reference's and the window's bin counts ({@link DriftMethods#chi2Homogeneity}), not by the
 * goodness-of-fit p-value reported as {@code chi2}: that one treats the reference shares as exact,
 * so with a reference of at most 1000 rows (where {@code auto} uses chi2) and a window of similar
 * or larger size it flags drift in most windows drawn from the reference distribution itself (about
 * 90% with 900 reference rows and the default 10,000-sample window), and a single unseen category
 * in an empty {@code __other__} bin can flag a feature. {@link FeatureDrift#decisionValue()} holds
 * the p-value used.
 *
 * <p>A fixed {@code ks} or {@code wasserstein} rule cannot judge a categorical feature; such a
 * feature is decided by the {@code auto} rule instead, and its {@link FeatureDrift#decidedBy()}
 * says so.
 */
public final class DriftRule {
  /** The {@code auto} rule's thresholds. */
  public static final double AUTO_P_VALUE = 0.05;

  public static final double AUTO_DISTANCE = 0.1;

  /** Reference rows up to which {@code auto} uses the tests (ks, chi2) rather than distances. */
  public static final long AUTO_SMALL_REFERENCE = 1000;

  private static final DriftRule AUTO = new DriftRule(null, Double.NaN);

  private final DriftMethod method;
  private final double threshold;

  private DriftRule(DriftMethod method, double threshold) {
    this.method = method;
    this.threshold = threshold;
  }

  public static DriftRule auto() {
    return AUTO;
  }

  /** One method with a threshold; a p-value threshold must lie in (0, 1]. */
  public static DriftRule fixed(DriftMethod method, double threshold) {
    Objects.requireNonNull(method, "method");
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be positive and finite: " + threshold);
    }
    if (method.decidesByPValue() && threshold > 1) {
      throw new IllegalArgumentException("a p-value threshold must not exceed 1: " + threshold);
    }
    return new DriftRule(method, threshold);
  }

  /**
   * The rule of {@code drift.decision}: {@code "auto"}, or a method label ({@code psi}, {@code
   * jensen_shannon}, {@code chi2}, {@code ks}, {@code wasserstein}) with its threshold.
   */
  public static DriftRule of(String method, double threshold) {
    return "auto".equals(method) ? AUTO : fixed(DriftMethod.fromLabel(method), threshold);
  }

  public boolean isAuto() {
    return method == null;
  }

  /** What decides a feature of the reference: the method and its threshold. */
  public Choice choose(ReferenceFeature feature) {
    if (method != null && method.appliesTo(feature.type())) {
      return new Choice(method, threshold);
    }
    boolean small = feature.count() <= AUTO_SMALL_REFERENCE;
    if (feature.type() == FeatureType.NUMERIC && feature.distinctValues() > 5) {
      return small
          ? new Choice(DriftMethod.KS, AUTO_P_VALUE)
          : new Choice(DriftMethod.WASSERSTEIN, AUTO_DISTANCE);
    }
    return small
        ? new Choice(DriftMethod.CHI2, AUTO_P_VALUE)
        : new Choice(DriftMethod.JENSEN_SHANNON, AUTO_DISTANCE);
  }

  /** A method with its threshold. */
  public record Choice(DriftMethod method, double threshold) {
    public Choice {
      Objects.requireNonNull(method, "method");
    }

    /** The decision for a score (distance methods) or p-value (p-value methods) of this method. */
    public boolean drift(double scoreOrPValue) {
      return method.decidesByPValue() ? scoreOrPValue < threshold : scoreOrPValue >= threshold;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DriftRule r
        && method == r.method
        && Double.compare(threshold, r.threshold) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, threshold);
  }

  @Override
  public String toString() {
    return method == null
        ? "auto"
        : "{method: " + method.label() + ", threshold: " + threshold + "}";
  }
}
