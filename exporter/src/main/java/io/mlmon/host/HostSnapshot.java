package io.mlmon.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable sample of the host and the serving processes, what a scrape reads. {@code host} is
 * empty when host sampling is off ({@code host.enabled: false}) or before the first sample.
 */
public record HostSnapshot(Optional<HostStats> host, List<ProcessSample> processes) {
  public static final HostSnapshot EMPTY = new HostSnapshot(Optional.empty(), List.of());

  public HostSnapshot {
    Objects.requireNonNull(host, "host");
    processes = List.copyOf(processes);
  }
}
