package io.mlmon.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One drift evaluation of a model: immutable, the last one is what scrapes and {@code
 * /api/v1/drift} read.
 *
 * @param computedAtMillis when it was computed ({@code mlmon_drift_evaluation_timestamp_seconds})
 * @param windowSamples rows in the window ({@code mlmon_drift_window_samples})
 * @param features the evaluated features, in reference order; a feature with fewer than {@code
 *     min_samples} finite values in the window is absent (and exposes no drift series)
 * @param insufficient the features that were not evaluated, with their finite values in the window
 * @param datasetDriftShare drifted features / evaluated features; 0 when none was evaluated
 * @param datasetDriftDetected share &ge; {@code dataset_share}, and at least one feature evaluated
 * @param predictionDrift the score's drift against the reference scores, when the reference has
 *     scores and the window at least {@code min_samples} of them
 */
public record ModelDrift(
    long computedAtMillis,
    int windowSamples,
    List<FeatureDrift> features,
    Map<String, Long> insufficient,
    double datasetDriftShare,
    boolean datasetDriftDetected,
    Optional<FeatureDrift> predictionDrift) {
  public ModelDrift {
    features = List.copyOf(features);
    insufficient = Collections.unmodifiableMap(new LinkedHashMap<>(insufficient));
    Objects.requireNonNull(predictionDrift, "predictionDrift");
  }

  /** Features with drift detected. */
  public int driftedFeatures() {
    int n = 0;
    for (FeatureDrift f : features) {
      if (f.driftDetected()) {
        n++;
      }
    }
    return n;
  }

  /** An evaluated feature by name. */
  public Optional<FeatureDrift> feature(String name) {
    for (FeatureDrift f : features) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
