package io.mlmon.config;

import java.time.Duration;
import java.util.Objects;

/** How long and how many predictions wait for their ground-truth label. */
public record LabelsConfig(Duration ttl, int maxPending) {
  public LabelsConfig {
    Objects.requireNonNull(ttl, "ttl");
    if (maxPending < 0) {
      throw new IllegalArgumentException("maxPending must not be negative");
    }
  }
}
