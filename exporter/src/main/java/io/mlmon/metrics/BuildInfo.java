package io.mlmon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/** {@code mlmon_build_info{version, java_version} 1}. */
public final class BuildInfo implements MultiCollector {
  private final MetricSnapshots snapshots;

  public BuildInfo(String version) {
    this.snapshots =
        MetricSnapshots.of(
            InfoSnapshot.builder()
                .name("mlmon_build")
                .help("The mlmon version and the Java runtime it runs on.")
                .dataPoint(
                    InfoDataPointSnapshot.builder()
                        .labels(
                            Labels.of(
                                "version",
                                version,
                                "java_version",
                                System.getProperty("java.version")))
                        .build())
                .build());
  }

  @Override
  public MetricSnapshots collect() {
    return snapshots;
  }
}
