package io.mlmon.quality;

/**
 * The score-based estimate of the confusion matrix before labels arrive: a calibrated score s is
 * the probability that the label is true, so a flagged prediction adds s to tp and 1 − s to fp, an
 * unflagged one s to fn and 1 − s to tn (statistics.md, "Outcomes").
 */
public final class ExpectedOutcomes {
  private ExpectedOutcomes() {}

  /** Whether a score can be read as a probability. */
  public static boolean isProbability(double score) {
    return score >= 0.0 && score <= 1.0;
  }

  /** Adds one prediction's expected cells to {@code sums}, indexed by {@link Outcome#ordinal()}. */
  public static void add(double[] sums, boolean flagged, double score) {
    if (!isProbability(score)) {
      throw new IllegalArgumentException("score is not a probability: " + score);
    }
    if (flagged) {
      sums[Outcome.TP.ordinal()] += score;
      sums[Outcome.FP.ordinal()] += 1.0 - score;
    } else {
      sums[Outcome.FN.ordinal()] += score;
      sums[Outcome.TN.ordinal()] += 1.0 - score;
    }
  }
}
