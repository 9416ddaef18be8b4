package io.mlmon.drift;

/**
 * What the reference holds about one feature before it is binned: the raw material of a profile.
 * Bins are derived from it ({@link ReferenceProfile#of}) with the settings in force, so a profile
 * file, which stores this material, and the training rows it came from give identical bins.
 */
public sealed interface FeatureData permits NumericData, CategoricalData {
  /** The feature (column) name. */
  String name();

  /** Finite, non-missing values of the feature in the whole reference. */
  long count();

  FeatureType type();
}
