package io.mlmon.monitor;

import java.util.OptionalLong;

/**
 * How checkpointing fares: written and failed attempts, the last success, and whether the
 * checkpoint found at start had to be discarded.
 */
public record CheckpointStatus(
    boolean enabled,
    long successes,
    long failures,
    OptionalLong lastSuccessMillis,
    long lastDurationMillis,
    boolean loadFailed) {
  public static final CheckpointStatus DISABLED =
      new CheckpointStatus(false, 0, 0, OptionalLong.empty(), 0, false);
}
