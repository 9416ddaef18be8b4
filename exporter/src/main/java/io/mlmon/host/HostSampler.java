package io.mlmon.host;

import io.mlmon.config.HostConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one sample of the host and the serving processes per call and publishes it as an immutable
 * {@link HostSnapshot}; scrapes read {@link #latest()} and never reach the {@link HostSource}.
 *
 * <p>CPU, load and memory are read every sample; every {@link #SLOW_EVERY}th sample (the first
 * included) is slow and also enumerates network interfaces and filesystems, whose results later
 * fast samples reuse (interfaces' counters are re-read every sample). Not thread-safe: one thread
 * calls {@link #sample()}, any thread may call {@link #latest()}.
 */
public final class HostSampler {
  static final int SLOW_EVERY = 6;
  private static final Logger LOG = LoggerFactory.getLogger(HostSampler.class);

  private final HostSource source;
  private final boolean hostEnabled;
  private final List<Path> watchedPaths;
  private final List<ProcessTracker> trackers = new ArrayList<>();
  private final AtomicReference<HostSnapshot> latest = new AtomicReference<>(HostSnapshot.EMPTY);

  private long samples;
  private int logicalProcessors = -1;
  private int selfPid = -1;
  private CpuTicks previousTicks;
  private List<String> interfaces = List.of();
  private List<MountSpace> filesystems = List.of();
  private boolean warnedInterfaceLimit;
  private boolean slowPartFailing;

  /**
   * @param watchedPaths the paths whose filesystems get a free-space series (sources, state dir)
   */
  public HostSampler(HostSource source, HostConfig config, List<Path> watchedPaths) {
    this.source = source;
    this.hostEnabled = config.enabled();
    this.watchedPaths = List.copyOf(watchedPaths);
    for (ProcessConfig p : config.processes()) {
      trackers.add(new ProcessTracker(p));
    }
  }

  /** The last published sample; never blocks, never touches the operating system. */
  public HostSnapshot latest() {
    return latest.get();
  }

  /** Whether the next call of {@link #sample()} is a slow one. */
  boolean nextIsSlow() {
    return samples % SLOW_EVERY == 0;
  }

  /** Takes a sample and publishes it. */
  public HostSnapshot sample() {
    boolean slow = nextIsSlow();
    samples++; // even when this sample fails, so a failing slow part does not make every one slow
    long started = System.nanoTime();
    Optional<HostStats> host = hostEnabled ? Optional.of(sampleHost(slow)) : Optional.empty();
    List<ProcessSample> processes = sampleProcesses(slow);
    HostSnapshot snapshot = new HostSnapshot(host, processes);
    latest.set(snapshot);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} host sample took {} ms", slow ? "slow" : "fast", (System.nanoTime() - started) / 1e6);
    }
    return snapshot;
  }

  private HostStats sampleHost(boolean slow) {
    if (logicalProcessors < 0) {
      logicalProcessors = source.logicalProcessors();
    }
    CpuTicks ticks = source.cpuTicks();
    OptionalDouble utilization =
        previousTicks == null ? OptionalDouble.empty() : ticks.utilizationSince(previousTicks);
    previousTicks = ticks;
    Optional<LoadAverage> load = source.loadAverage();
    MemoryUsage memory = source.memory();
    if (slow) {
      try {
        enumerateInterfacesAndFilesystems();
        slowPartFailing = false;
      } catch (RuntimeException e) {
        // keep the last interfaces and filesystems; CPU and memory are still worth publishing
        if (!slowPartFailing) {
          LOG.warn("listing network interfaces or filesystems failed; keeping the last", e);
          slowPartFailing = true;
        }
      }
    }
    List<NetworkCounters> network = source.networkCounters(interfaces);
    return new HostStats(logicalProcessors, utilization, load, memory, network, filesystems);
  }

  private void enumerateInterfacesAndFilesystems() {
    List<NetworkInterfaceInfo> found = source.discoverNetworkInterfaces();
    interfaces = NetworkInterfaceSelection.select(found);
    long eligible = found.stream().filter(NetworkInterfaceSelection::eligible).count();
    if (eligible > interfaces.size() && !warnedInterfaceLimit) {
      warnedInterfaceLimit = true;
      LOG.info(
          "{} network interfaces found; reporting only {} of them: {}",
          eligible,
          interfaces.size(),
          interfaces);
    }
    filesystems = watchedFilesystems();
  }

  private List<MountSpace> watchedFilesystems() {
    List<Path> real = new ArrayList<>();
    for (Path p : watchedPaths) {
      Mounts.realLocation(p).ifPresent(real::add);
    }
    return real.isEmpty() ? List.of() : Mounts.holdingAny(real, source.mounts());
  }

  private List<ProcessSample> sampleProcesses(boolean slow) {
    if (trackers.isEmpty()) {
      return List.of();
    }
    if (selfPid < 0) {
      selfPid = source.selfPid();
    }
    Supplier<List<ProcessInfo>> table =
        new Supplier<>() {
          private List<ProcessInfo> scanned;

          @Override
          public List<ProcessInfo> get() {
            if (scanned == null) {
              scanned = source.processes();
            }
            return scanned;
          }
        };
    List<ProcessSample> out = new ArrayList<>(trackers.size());
    for (ProcessTracker t : trackers) {
      out.add(t.sample(source, table, selfPid, slow));
    }
    return out;
  }
}
