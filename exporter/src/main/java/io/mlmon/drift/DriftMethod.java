package io.mlmon.drift;

/** The drift methods of statistics.md, named as in the {@code method} label of the metrics. */
public enum DriftMethod {
  PSI("psi", false, true),
  JENSEN_SHANNON("jensen_shannon", false, true),
  CHI2("chi2", true, true),
  KS("ks", true, false),
  WASSERSTEIN("wasserstein", false, false);

  private final String label;
  private final boolean pValue;
  private final boolean categorical;

  DriftMethod(String label, boolean pValue, boolean categorical) {
    this.label = label;
    this.pValue = pValue;
    this.categorical = categorical;
  }

  /** The value of the {@code method} label and of {@code drift.decision.method}. */
  public String label() {
    return label;
  }

  /**
   * True when the method decides by its p-value (drift when p &lt; threshold); false when it
   * decides by its distance (drift when score &ge; threshold).
   */
  public boolean decidesByPValue() {
    return pValue;
  }

  /**
   * Whether the method is computed for features of this type ({@code ks} and {@code wasserstein}
   * are numeric only).
   */
  public boolean appliesTo(FeatureType type) {
    return type == FeatureType.NUMERIC || categorical;
  }

  /** The method named by {@link #label()}. */
  public static DriftMethod fromLabel(String label) {
    for (DriftMethod m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "drift method must be one of psi, jensen_shannon, chi2, ks, wasserstein, not \""
            + label
            + "\"");
  }
}
