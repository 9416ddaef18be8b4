package io.mlmon.drift;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a reference becomes a profile: the model's score column and threshold, {@code
 * drift.psi_bins}, {@code limits.max_categories_per_feature}, {@code limits.max_features_per_model}
 * and the feature types the config sets.
 *
 * @param scoreColumn the column holding the model's output: not a feature; feeds prediction drift
 *     and the reference flag ratio
 * @param threshold flagged = score &ge; threshold, for the reference flag ratio
 * @param psiBins B, the number of quantile bins of numeric features (2 … 1000)
 * @param maxCategories categories kept per categorical feature (1 … {@value
 *     CategoricalData#TRACKED_LIMIT}), besides {@code __other__}
 * @param maxFeatures features kept, in the order they are first seen; further columns are ignored
 * @param featureTypes types set by the config; other features' types are inferred
 */
public record ProfileOptions(
    String scoreColumn,
    OptionalDouble threshold,
    int psiBins,
    int maxCategories,
    int maxFeatures,
    Map<String, FeatureType> featureTypes) {

  /** statistics.md and cli-and-config.md defaults: {@code score}, no threshold, 10, 50, 500. */
  public static final ProfileOptions DEFAULTS =
      new ProfileOptions("score", OptionalDouble.empty(), 10, 50, 500, Map.of());

  public ProfileOptions {
    Objects.requireNonNull(scoreColumn, "scoreColumn");
    Objects.requireNonNull(threshold, "threshold");
    featureTypes = Map.copyOf(featureTypes);
    if (psiBins < 2 || psiBins > 1000) {
      throw new IllegalArgumentException("psi bins must be between 2 and 1000: " + psiBins);
    }
    if (maxCategories < 1 || maxCategories > CategoricalData.TRACKED_LIMIT) {
      throw new IllegalArgumentException(
          "max categories must be between 1 and "
              + CategoricalData.TRACKED_LIMIT
              + ": "
              + maxCategories);
    }
    if (maxFeatures < 1) {
      throw new IllegalArgumentException("max features must be at least 1");
    }
    if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
      throw new IllegalArgumentException("threshold must be finite");
    }
  }

  public ProfileOptions withScoreColumn(String column) {
    return new ProfileOptions(column, threshold, psiBins, maxCategories, maxFeatures, featureTypes);
  }

  public ProfileOptions withThreshold(OptionalDouble t) {
    return new ProfileOptions(scoreColumn, t, psiBins, maxCategories, maxFeatures, featureTypes);
  }

  public ProfileOptions withPsiBins(int bins) {
    return new ProfileOptions(
        scoreColumn, threshold, bins, maxCategories, maxFeatures, featureTypes);
  }

  public ProfileOptions withMaxCategories(int max) {
    return new ProfileOptions(scoreColumn, threshold, psiBins, max, maxFeatures, featureTypes);
  }

  public ProfileOptions withMaxFeatures(int max) {
    return new ProfileOptions(scoreColumn, threshold, psiBins, maxCategories, max, featureTypes);
  }

  public ProfileOptions withFeatureTypes(Map<String, FeatureType> types) {
    return new ProfileOptions(scoreColumn, threshold, psiBins, maxCategories, maxFeatures, types);
  }
}
