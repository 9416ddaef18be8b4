package io.mlmon.monitor;

import io.mlmon.drift.ModelDrift;
import java.util.Map;
import java.util.Optional;

/** The latest drift evaluation of every model with a reference; immutable, replaced as a whole. */
public record DriftReport(Map<String, ModelDrift> models, long computedAtMillis) {
  public static final DriftReport EMPTY = new DriftReport(Map.of(), 0);

  public DriftReport {
    models = Map.copyOf(models);
  }

  public Optional<ModelDrift> model(String name) {
    return Optional.ofNullable(models.get(name));
  }
}
