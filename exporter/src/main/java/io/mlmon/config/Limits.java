package io.mlmon.config;

/** Caps on label values that come from the log, so a hostile log cannot create unbounded series. */
public record Limits(
    int maxModels,
    int maxVersionsPerModel,
    int maxFeaturesPerModel,
    int maxCategoriesPerFeature,
    int maxErrorTypes) {

  public static final Limits DEFAULTS = new Limits(20, 10, 500, 50, 20);

  public Limits {
    if (maxModels < 1
        || maxVersionsPerModel < 1
        || maxFeaturesPerModel < 1
        || maxCategoriesPerFeature < 1
        || maxErrorTypes < 1) {
      throw new IllegalArgumentException("every limit must be at least 1");
    }
  }
}
