package io.mlmon.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The host part of one sample. CPU utilisation is empty on the first sample (there is no earlier
 * reading to take ticks from); interfaces and filesystems come from the latest slow sample.
 */
public record HostStats(
    int logicalProcessors,
    OptionalDouble cpuUtilization,
    Optional<LoadAverage> loadAverage,
    MemoryUsage memory,
    List<NetworkCounters> network,
    List<MountSpace> filesystems) {
  public HostStats {
    Objects.requireNonNull(cpuUtilization, "cpuUtilization");
    Objects.requireNonNull(loadAverage, "loadAverage");
    Objects.requireNonNull(memory, "memory");
    network = List.copyOf(network);
    filesystems = List.copyOf(filesystems);
  }
}
