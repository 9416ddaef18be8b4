package io.mlmon.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The whole configuration of one mlmon process, validated and with every default filled in. */
public record MlmonConfig(
    ServerConfig server,
    Path stateDir,
    List<SourceConfig> sources,
    FieldMapping fields,
    List<ModelConfig> models,
    DriftConfig drift,
    LabelsConfig labels,
    HostConfig host,
    Limits limits) {

  public MlmonConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(stateDir, "stateDir");
    sources = List.copyOf(sources);
    Objects.requireNonNull(fields, "fields");
    models = List.copyOf(models);
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
  }

  public Optional<ModelConfig> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
