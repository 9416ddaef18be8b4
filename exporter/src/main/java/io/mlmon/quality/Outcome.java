package io.mlmon.quality;

import java.util.Locale;

/** A cell of the confusion matrix: the {@code outcome} label of the outcome counters. */
public enum Outcome {
  TP,
  FP,
  TN,
  FN;

  /** The cell of a binary decision against the true label (statistics.md, "Outcomes"). */
  public static Outcome of(boolean flagged, boolean label) {
    if (flagged) {
      return label ? TP : FP;
    }
    return label ? FN : TN;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
