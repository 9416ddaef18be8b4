package io.mlmon.host;

import java.util.List;
import java.util.Optional;

/**
 * What the sampler reads from the operating system: the one seam between mlmon and OSHI ({@link
 * OshiHostSource}), so tests can substitute a fake. Only the sampler thread calls it; a scrape
 * never does. Methods marked slow are called on slow samples only (or, for {@link #processes()},
 * when a tracked process has to be found again).
 */
public interface HostSource {
  /** Logical processors of the host. */
  int logicalProcessors();

  /** The cumulative CPU ticks of the whole host. */
  CpuTicks cpuTicks();

  /** Empty where the platform has no load average. */
  Optional<LoadAverage> loadAverage();

  MemoryUsage memory();

  /** Slow: enumerates the network interfaces and remembers them for {@link #networkCounters}. */
  List<NetworkInterfaceInfo> discoverNetworkInterfaces();

  /**
   * The counters of the named interfaces among those the last discovery found; an interface that
   * has gone since is left out.
   */
  List<NetworkCounters> networkCounters(List<String> names);

  /** Slow: every mounted filesystem with its free space. */
  List<MountSpace> mounts();

  /** One process by pid (cheap); empty when no such process runs or it is a zombie. */
  Optional<ProcessInfo> process(int pid);

  /** Slow: every running process. */
  List<ProcessInfo> processes();

  /** The pid of this (mlmon's) process. */
  int selfPid();
}
