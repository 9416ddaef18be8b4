package io.mlmon.drift;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The drift of one feature (or of the score) over a window. Every value is finite; the maps iterate
 * in {@link DriftMethod} order.
 *
 * @param name the feature, or the score column for prediction drift
 * @param type numeric or categorical
 * @param samples m: the feature's finite values in the window
 * @param referenceCount n: its finite values in the reference
 * @param scores {@code mlmon_feature_drift_score} by method: psi, jensen_shannon and chi2 always;
 *     ks and wasserstein for numeric features
 * @param pValues {@code mlmon_feature_drift_p_value} by method: chi2 always, ks for numeric
 * @param driftDetected {@code mlmon_feature_drift_detected}
 * @param decidedBy the method that decided (the configured one, or {@code auto}'s choice)
 * @param threshold the threshold it was compared with
 * @param decisionValue the value compared with the threshold: the method's score for a distance,
 *     the ks p-value, or for chi2 the p-value of the two-sample test of homogeneity ({@link
 *     DriftMethods#chi2Homogeneity}), which accounts for the reference's own sampling error
 * @param bins every bin with its reference and current share, in bin order
 */
public record FeatureDrift(
    String name,
    FeatureType type,
    long samples,
    long referenceCount,
    Map<DriftMethod, Double> scores,
    Map<DriftMethod, Double> pValues,
    boolean driftDetected,
    DriftMethod decidedBy,
    double threshold,
    double decisionValue,
    List<BinShare> bins) {
  public FeatureDrift {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(decidedBy, "decidedBy");
    if (!Double.isFinite(decisionValue)) {
      throw new IllegalArgumentException("decision value must be finite");
    }
    scores = byMethod(scores);
    pValues = byMethod(pValues);
    bins = List.copyOf(bins);
  }

  private static Map<DriftMethod, Double> byMethod(Map<DriftMethod, Double> values) {
    Map<DriftMethod, Double> copy = new EnumMap<>(DriftMethod.class);
    copy.putAll(values);
    for (Double v : copy.values()) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("drift values must be finite: " + values);
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The score of a method; throws when the method does not apply to this feature. */
  public double score(DriftMethod method) {
    Double v = scores.get(method);
    if (v == null) {
      throw new IllegalArgumentException(method.label() + " does not apply to " + name);
    }
    return v;
  }

  /** The p-value of ks or chi2; throws when the method has none for this feature. */
  public double pValue(DriftMethod method) {
    Double v = pValues.get(method);
    if (v == null) {
      throw new IllegalArgumentException(method.label() + " has no p-value for " + name);
    }
    return v;
  }
}
