package io.mlmon.drift;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The raw material of a reference, as {@link ReferenceProfileBuilder} gathers it from training rows
 * and as a profile file stores it: per feature the sample or the category counts, and the scores.
 * {@link ReferenceProfile#of} derives bins from it.
 *
 * @param rows rows read (including rows whose every value was missing)
 * @param scoreColumn the column the scores came from
 * @param features in the order first seen, names unique
 * @param score the scores, when the reference had the score column with at least one number
 */
public record ReferenceData(
    long rows, String scoreColumn, List<FeatureData> features, Optional<ScoreData> score) {
  public ReferenceData {
    Objects.requireNonNull(scoreColumn, "scoreColumn");
    Objects.requireNonNull(score, "score");
    features = List.copyOf(features);
    Set<String> names = new HashSet<>();
    for (FeatureData f : features) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("feature \"" + f.name() + "\" appears twice");
      }
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative");
    }
  }
}
