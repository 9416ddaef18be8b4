package io.mlmon.monitor;

import io.mlmon.quality.ExpiryReason;
import io.mlmon.quality.JoinResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The live state of one model, owned by the ingest thread. */
final class ModelState {
  final String name;
  final int index;
  final OptionalDouble threshold;
  final CappedNames versions;
  final CappedNames errors;
  private final List<VersionStats> byVersion = new ArrayList<>();
  final long[] labels = new long[JoinResult.values().length];
  final long[] expired = new long[ExpiryReason.values().length];
  final Histogram labelDelay = new Histogram(Buckets.LABEL_DELAY_SECONDS);
  long lastEventMillis = Long.MIN_VALUE;

  /** The version string of the last event and its index, to skip the lookup for the next. */
  String lastVersion;

  int lastVersionIndex;

  /** Drift window, bins and data quality; null without a reference. */
  FeatureTracker features;

  ModelState(String name, int index, OptionalDouble threshold, int maxVersions, int maxErrors) {
    this.name = name;
    this.index = index;
    this.threshold = threshold;
    this.versions = new CappedNames(maxVersions);
    this.errors = new CappedNames(maxErrors);
  }

  VersionStats version(int versionIndex) {
    while (byVersion.size() <= versionIndex) {
      byVersion.add(new VersionStats());
    }
    return byVersion.get(versionIndex);
  }

  ModelSnapshot snapshot(long pending) {
    List<VersionSnapshot> versionSnapshots = new ArrayList<>();
    for (int i = 0; i < byVersion.size(); i++) {
      versionSnapshots.add(byVersion.get(i).snapshot(versions.name(i), errors));
    }
    Map<JoinResult, Long> labelCounts = new EnumMap<>(JoinResult.class);
    for (JoinResult r : JoinResult.values()) {
      labelCounts.put(r, labels[r.ordinal()]);
    }
    Map<ExpiryReason, Long> expiredCounts = new EnumMap<>(ExpiryReason.class);
    for (ExpiryReason r : ExpiryReason.values()) {
      expiredCounts.put(r, expired[r.ordinal()]);
    }
    return new ModelSnapshot(
        name,
        versionSnapshots,
        labelCounts,
        labelDelay.snapshot(),
        expiredCounts,
        pending,
        lastEventMillis == Long.MIN_VALUE
            ? OptionalDouble.empty()
            : OptionalDouble.of(lastEventMillis / 1000.0),
        features == null ? List.of() : features.snapshot(),
        features == null ? OptionalDouble.empty() : features.profile().flagRatio());
  }
}
