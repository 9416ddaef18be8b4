package io.mlmon.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** A model known in advance: its reference data, decision threshold and feature types. */
public record ModelConfig(
    String name,
    Optional<Path> reference,
    String scoreColumn,
    OptionalDouble threshold,
    Map<String, FeatureKind> features) {

  public ModelConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(scoreColumn, "scoreColumn");
    Objects.requireNonNull(threshold, "threshold");
    features = Map.copyOf(features);
  }

  /** How a feature's values are compared with the reference. */
  public enum FeatureKind {
    NUMERIC,
    CATEGORICAL
  }
}
