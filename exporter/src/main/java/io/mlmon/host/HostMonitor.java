package io.mlmon.host;

import io.mlmon.concurrent.DaemonThreads;
import io.mlmon.concurrent.SamplingTask;
import io.mlmon.concurrent.Stop;
import io.mlmon.config.HostConfig;
import io.mlmon.config.MlmonConfig;
import io.mlmon.config.SourceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;

/**
 * The host side of {@code mlmon run}: one {@link SystemInfo} for the process, the sampler on a
 * daemon thread ("mlmon-host") every {@code host.interval}, and the probes. With {@code
 * host.enabled: false} the host itself is not sampled, but configured serving processes and probes
 * still are; with nothing to sample no thread starts.
 */
public final class HostMonitor implements AutoCloseable {
  /** At most this many network interfaces are reported (see NetworkInterfaceSelection). */
  public static final int MAX_NETWORK_INTERFACES = NetworkInterfaceSelection.MAX_INTERFACES;

  private static final Logger LOG = LoggerFactory.getLogger(HostMonitor.class);

  private final HostSampler sampler;
  private final ScheduledExecutorService scheduler;
  private final Probes probes;

  private HostMonitor(HostSampler sampler, ScheduledExecutorService scheduler, Probes probes) {
    this.sampler = sampler;
    this.scheduler = scheduler;
    this.probes = probes;
  }

  /** Starts sampling and probing as {@code config.host()} says. */
  public static HostMonitor start(MlmonConfig config) {
    return start(config, () -> new OshiHostSource(new SystemInfo()));
  }

  /** As {@link #start(MlmonConfig)}, reading the host from {@code source} (made only if needed). */
  static HostMonitor start(MlmonConfig config, Supplier<HostSource> source) {
    HostConfig host = config.host();
    HostSampler sampler = null;
    ScheduledThreadPoolExecutor scheduler = null;
    HostSource os = null;
    if (host.enabled() || !host.processes().isEmpty()) {
      try {
        os = source.get();
      } catch (RuntimeException | LinkageError e) {
        // OSHI does not support this platform (or its native access is missing): run without
        LOG.warn("cannot sample the host or serving processes here: {}", e.toString());
      }
    }
    if (os != null) {
      sampler = new HostSampler(os, host, watchedPaths(config));
      scheduler = new ScheduledThreadPoolExecutor(1, new DaemonThreads("mlmon-host"));
      scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      // fixed delay, not rate: after a sample stuck on a hung mount, no burst of catch-up samples
      scheduler.scheduleWithFixedDelay(
          new SamplingTask("host sampling", sampler::sample),
          0,
          host.interval().toMillis(),
          TimeUnit.MILLISECONDS);
    }
    return new HostMonitor(sampler, scheduler, Probes.start(host.probes()));
  }

  /** The filesystems worth watching: those of the sources and of the state dir. */
  static List<Path> watchedPaths(MlmonConfig config) {
    List<Path> paths = new ArrayList<>();
    for (SourceConfig source : config.sources()) {
      paths.add(source.path());
    }
    paths.add(config.stateDir());
    return paths;
  }

  /**
   * The last host sample; {@link HostSnapshot#EMPTY} before the first or when nothing is sampled.
   */
  public HostSnapshot latest() {
    return sampler == null ? HostSnapshot.EMPTY : sampler.latest();
  }

  /** The last result of each probe. */
  public List<ProbeResult> probes() {
    return probes.latest();
  }

  /** Stops sampling and probing. */
  @Override
  public void close() {
    if (scheduler != null) {
      Stop.now(scheduler, "host sampling");
    }
    probes.close();
  }
}
