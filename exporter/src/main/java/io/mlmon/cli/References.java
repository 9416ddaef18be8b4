package io.mlmon.cli;

import io.mlmon.config.MlmonConfig;
import io.mlmon.config.ModelConfig;
import io.mlmon.drift.DriftRule;
import io.mlmon.drift.DriftSettings;
import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.reference.ReferenceException;
import io.mlmon.reference.ReferenceLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the models' reference files as the config asks, turning problems into config errors. */
final class References {
  private References() {}

  /** The profile of every model that names a reference, by model name. */
  static Map<String, ReferenceProfile> load(MlmonConfig config) {
    Map<String, ReferenceProfile> out = new LinkedHashMap<>();
    List<ModelConfig> models = config.models();
    for (int i = 0; i < models.size(); i++) {
      ModelConfig model = models.get(i);
      if (model.reference().isEmpty()) {
        continue;
      }
      try {
        out.put(
            model.name(), ReferenceLoader.load(model.reference().get(), options(config, model)));
      } catch (ReferenceException | IllegalArgumentException e) {
        throw new UserError("models[" + i + "].reference: " + e.getMessage(), 2);
      }
    }
    return out;
  }

  static ProfileOptions options(MlmonConfig config, ModelConfig model) {
    Map<String, FeatureType> types = new LinkedHashMap<>();
    model
        .features()
        .forEach(
            (name, kind) ->
                types.put(
                    name,
                    kind == ModelConfig.FeatureKind.NUMERIC
                        ? FeatureType.NUMERIC
                        : FeatureType.CATEGORICAL));
    return ProfileOptions.DEFAULTS
        .withScoreColumn(model.scoreColumn())
        .withThreshold(model.threshold())
        .withPsiBins(config.drift().psiBins())
        .withMaxCategories(config.limits().maxCategoriesPerFeature())
        .withMaxFeatures(config.limits().maxFeaturesPerModel())
        .withFeatureTypes(types);
  }

  /** The drift settings of the config, for the evaluator. */
  static DriftSettings driftSettings(MlmonConfig config) {
    var decision = config.drift().decision();
    DriftRule rule =
        decision.isAuto()
            ? DriftRule.auto()
            : DriftRule.of(decision.method(), decision.threshold());
    return new DriftSettings(config.drift().minSamples(), rule, config.drift().datasetShare());
  }
}
