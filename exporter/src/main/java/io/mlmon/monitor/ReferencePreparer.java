package io.mlmon.monitor;

import io.mlmon.drift.ReferenceProfile;
import io.mlmon.ingest.EventPreparer;
import io.mlmon.ingest.ParsedEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves the features of each prediction against its model's reference where the line was parsed
 * (see {@link EventPreparer}), so binning and data-quality checks leave the ingest thread.
 */
final class ReferencePreparer implements EventPreparer {
  private final Map<String, ReferenceProfile> references;
  private final Map<String, FeatureResolver> resolvers = new HashMap<>();
  private String lastModel;
  private FeatureResolver lastResolver;

  /**
   * @param references by model name; immutable
   */
  ReferencePreparer(Map<String, ReferenceProfile> references) {
    this.references = references;
  }

  @Override
  public void prepare(ParsedEvent event) {
    if (event.isLabel() || event.features().count() == 0) {
      return;
    }
    String model = event.model();
    if (model != lastModel) {
      lastModel = model;
      lastResolver = resolverOf(model);
    }
    if (lastResolver != null) {
      lastResolver.resolve(event.features());
    }
  }

  private FeatureResolver resolverOf(String model) {
    FeatureResolver resolver = resolvers.get(model);
    if (resolver == null) {
      ReferenceProfile profile = references.get(model);
      if (profile == null) {
        return null;
      }
      resolver = new FeatureResolver(profile);
      resolvers.put(model, resolver);
    }
    return resolver;
  }
}
