package io.mlmon.monitor;

import io.mlmon.quality.ExpiryReason;
import io.mlmon.quality.JoinResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/** One model's traffic, labels and outcomes at one moment. */
public record ModelSnapshot(
    String name,
    List<VersionSnapshot> versions,
    Map<JoinResult, Long> labels,
    HistogramData labelDelaySeconds,
    Map<ExpiryReason, Long> expired,
    long pendingLabels,
    OptionalDouble lastEventSeconds,
    List<FeatureStats> features,
    OptionalDouble referenceFlagRatio) {

  public ModelSnapshot {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(labelDelaySeconds, "labelDelaySeconds");
    expired = Map.copyOf(expired);
    Objects.requireNonNull(lastEventSeconds, "lastEventSeconds");
    features = List.copyOf(features);
    Objects.requireNonNull(referenceFlagRatio, "referenceFlagRatio");
  }

  public long labels(JoinResult result) {
    return labels.getOrDefault(result, 0L);
  }

  public long expired(ExpiryReason reason) {
    return expired.getOrDefault(reason, 0L);
  }

  public long predictions() {
    return versions.stream().mapToLong(VersionSnapshot::predictions).sum();
  }

  public long flagged() {
    return versions.stream().mapToLong(VersionSnapshot::flagged).sum();
  }
}
