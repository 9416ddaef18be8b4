package io.mlmon.state;

import java.util.List;

/**
 * The model and version names that pending predictions refer to by index. Indexes are assigned in
 * order of appearance and differ between runs, so a checkpoint stores the names and a restart maps
 * them to its own indexes.
 */
public record PendingTables(List<String> models, List<List<String>> versions) {
  public PendingTables {
    models = List.copyOf(models);
    versions = versions.stream().map(List::copyOf).toList();
    if (models.size() != versions.size()) {
      throw new IllegalArgumentException("one version list per model");
    }
  }
}
