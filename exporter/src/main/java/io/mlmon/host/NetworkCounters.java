package io.mlmon.host;

import java.util.Objects;

/** The byte counters of one network interface since it came up. */
public record NetworkCounters(String name, long receivedBytes, long transmittedBytes) {
  public NetworkCounters {
    Objects.requireNonNull(name, "name");
    if (receivedBytes < 0 || transmittedBytes < 0) {
      throw new IllegalArgumentException("byte counters are not negative");
    }
  }
}
