package io.mlmon.drift;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The reference's scores (the model's output column) and how many of them a threshold flagged.
 *
 * @param values the scores, as a numeric feature named after the score column
 * @param threshold the threshold {@code flagged} was counted for, if one was given
 * @param flagged finite scores &ge; threshold among all {@code values.count()} of them
 */
public record ScoreData(NumericData values, OptionalDouble threshold, long flagged) {
  public ScoreData {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(threshold, "threshold");
    if (flagged < 0 || flagged > values.count() || (threshold.isEmpty() && flagged != 0)) {
      throw new IllegalArgumentException("flagged count out of range: " + flagged);
    }
  }
}
