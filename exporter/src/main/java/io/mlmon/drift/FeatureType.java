package io.mlmon.drift;

/** How a feature's values are compared with the reference (statistics.md). */
public enum FeatureType {
  /**
   * Finite numbers: quantile bins, and every method including {@code ks} and {@code wasserstein}.
   */
  NUMERIC,
  /** Text categories: the most frequent reference categories plus {@code __other__}. */
  CATEGORICAL;

  /** The name used in the profile JSON and the API: {@code numeric} or {@code categorical}. */
  public String label() {
    return this == NUMERIC ? "numeric" : "categorical";
  }

  /** The type named by {@link #label()}, case-insensitive. */
  public static FeatureType fromLabel(String label) {
    for (FeatureType t : values()) {
      if (t.label().equalsIgnoreCase(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "feature type must be numeric or categorical, not \"" + label + "\"");
  }
}
