package io.mlmon.config;

import io.mlmon.config.ModelConfig.FeatureKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads {@code models:}, {@code drift:}, {@code labels:} and {@code limits:}. */
final class ModelSections {
  private static final Set<String> DRIFT_METHODS =
      Set.of("psi", "ks", "wasserstein", "jensen_shannon", "chi2");
  private static final Set<String> P_VALUE_METHODS = Set.of("ks", "chi2");
  private static final Map<String, Double> DEFAULT_THRESHOLDS =
      Map.of("psi", 0.2, "ks", 0.05, "wasserstein", 0.1, "jensen_shannon", 0.1, "chi2", 0.05);

  private ModelSections() {}

  static List<ModelConfig> models(YamlNode node, ConfigPaths paths) {
    List<ModelConfig> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlNode item : node.items()) {
      if (!item.checkMapping(
          Set.of("name", "reference", "score_column", "threshold", "features"))) {
        if (item.isMissing()) {
          item.problem("must be a mapping with at least a name");
        }
        continue;
      }
      String name = item.child("name").requiredString();
      if (!name.isBlank() && !names.add(name)) {
        item.child("name").problem("duplicate model name \"" + name + "\"");
      }
      Optional<Path> reference = paths.existingFile(item.child("reference"));
      String scoreColumn = item.child("score_column").string("score");
      Optional<Double> threshold =
          item.child("threshold").optionalNumber(-Double.MAX_VALUE, Double.MAX_VALUE);
      Map<String, FeatureKind> features = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode> f : item.child("features").entries()) {
        YamlNode spec = f.getValue();
        if (!spec.checkMapping(Set.of("type"))) {
          if (spec.isMissing()) {
            spec.problem("must be a mapping like {type: numeric}");
          }
          continue;
        }
        YamlNode type = spec.child("type");
        String t = type.requiredString();
        switch (t) {
          case "numeric" -> features.put(f.getKey(), FeatureKind.NUMERIC);
          case "categorical" -> features.put(f.getKey(), FeatureKind.CATEGORICAL);
          case "" -> {}
          default -> type.problem("must be numeric or categorical, not \"" + t + "\"");
        }
      }
      out.add(
          new ModelConfig(
              name,
              reference,
              scoreColumn,
              threshold.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
              features));
    }
    return out;
  }

  static DriftConfig drift(YamlNode node) {
    node.checkMapping(
        Set.of("interval", "window", "min_samples", "psi_bins", "decision", "dataset_share"));
    Duration interval =
        node.child("interval").duration(Duration.ofSeconds(15), Duration.ofMillis(100));
    YamlNode window = node.child("window");
    window.checkMapping(Set.of("max_samples", "max_age"));
    int maxSamples = window.child("max_samples").integer(10_000, 1, 10_000_000);
    Duration maxAge = window.child("max_age").duration(Duration.ofHours(1), Duration.ofSeconds(1));
    YamlNode minNode = node.child("min_samples");
    int minSamples = minNode.integer(200, 1, 10_000_000);
    if (minSamples > maxSamples) {
      minNode.problem(
          "must not exceed drift.window.max_samples ("
              + maxSamples
              + "), or drift is never computed");
    }
    int bins = node.child("psi_bins").integer(10, 2, 1000);
    DriftConfig.Decision decision = decision(node.child("decision"));
    double share = node.child("dataset_share").positive(0.5, 1.0);
    return new DriftConfig(interval, maxSamples, maxAge, minSamples, bins, decision, share);
  }

  private static DriftConfig.Decision decision(YamlNode node) {
    if (node.isMissing()) {
      return DriftConfig.Decision.auto();
    }
    if (node.isText()) {
      String text = node.string("auto");
      if (text.equals("auto")) {
        return DriftConfig.Decision.auto();
      }
      if (DRIFT_METHODS.contains(text)) {
        return new DriftConfig.Decision(text, DEFAULT_THRESHOLDS.get(text));
      }
      node.problem(
          "must be auto or {method: psi|ks|wasserstein|jensen_shannon|chi2, threshold: N}, not \""
              + text
              + "\"");
      return DriftConfig.Decision.auto();
    }
    if (!node.checkMapping(Set.of("method", "threshold"))) {
      return DriftConfig.Decision.auto();
    }
    YamlNode methodNode = node.child("method");
    String method = methodNode.requiredString();
    if (!method.isBlank() && !DRIFT_METHODS.contains(method)) {
      methodNode.problem(
          "must be one of psi, ks, wasserstein, jensen_shannon, chi2, not \"" + method + "\"");
      return DriftConfig.Decision.auto();
    }
    if (method.isBlank()) {
      return DriftConfig.Decision.auto();
    }
    double max = P_VALUE_METHODS.contains(method) ? 1.0 : Double.MAX_VALUE;
    double threshold = node.child("threshold").positive(DEFAULT_THRESHOLDS.get(method), max);
    return new DriftConfig.Decision(method, threshold);
  }

  static LabelsConfig labels(YamlNode node) {
    node.checkMapping(Set.of("ttl", "max_pending"));
    Duration ttl = node.child("ttl").duration(Duration.ofDays(30), Duration.ofSeconds(1));
    int maxPending = node.child("max_pending").integer(1_000_000, 0, 100_000_000);
    return new LabelsConfig(ttl, maxPending);
  }

  static Limits limits(YamlNode node) {
    node.checkMapping(
        Set.of(
            "max_models",
            "max_versions_per_model",
            "max_features_per_model",
            "max_categories_per_feature",
            "max_error_types"));
    Limits d = Limits.DEFAULTS;
    return new Limits(
        node.child("max_models").integer(d.maxModels(), 1, 10_000),
        node.child("max_versions_per_model").integer(d.maxVersionsPerModel(), 1, 10_000),
        node.child("max_features_per_model").integer(d.maxFeaturesPerModel(), 1, 100_000),
        node.child("max_categories_per_feature").integer(d.maxCategoriesPerFeature(), 1, 10_000),
        node.child("max_error_types").integer(d.maxErrorTypes(), 1, 10_000));
  }
}
