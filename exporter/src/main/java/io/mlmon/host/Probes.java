package io.mlmon.host;

import io.mlmon.concurrent.DaemonThreads;
import io.mlmon.concurrent.Stop;
import io.mlmon.config.HostConfig.ProbeConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every configured probe on its own interval on background threads ("mlmon-probe"), one thread
 * per probe up to {@link #MAX_THREADS}, and keeps each target's last result for scrapes. The config
 * guarantees a probe's timeout does not exceed its interval, so runs never pile up.
 */
public final class Probes implements AutoCloseable {
  static final int MAX_THREADS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Probes.class);

  private final List<Prober> probers;
  private final List<AtomicReference<ProbeResult>> results;
  private final ScheduledThreadPoolExecutor scheduler;

  /**
   * The results as one immutable list, replaced after every probe, so scrapes between two probes
   * get the same instance (and reuse what they made of it, see {@code LastCollected}).
   */
  private volatile List<ProbeResult> latest = List.of();

  private Probes(List<Prober> probers, ScheduledThreadPoolExecutor scheduler) {
    this.probers = probers;
    this.scheduler = scheduler;
    this.results = new ArrayList<>();
    for (int i = 0; i < probers.size(); i++) {
      results.add(new AtomicReference<>());
    }
  }

  /** Starts probing; the first probe of each target runs at once. */
  public static Probes start(List<ProbeConfig> configs) {
    if (configs.isEmpty()) {
      return new Probes(List.of(), null);
    }
    HttpClient http = null;
    if (configs.stream().anyMatch(c -> !Prober.isTcp(c))) {
      Duration longest =
          configs.stream().map(ProbeConfig::timeout).max(Duration::compareTo).orElseThrow();
      http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(longest)
              .build();
    }
    List<Prober> probers = new ArrayList<>();
    for (ProbeConfig c : configs) {
      probers.add(new Prober(c, http));
    }
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            Math.min(MAX_THREADS, probers.size()), new DaemonThreads("mlmon-probe"));
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    Probes probes = new Probes(probers, scheduler);
    for (int i = 0; i < probers.size(); i++) {
      int index = i;
      long every = configs.get(i).interval().toNanos();
      scheduler.scheduleAtFixedRate(() -> probes.run(index), 0, every, TimeUnit.NANOSECONDS);
    }
    return probes;
  }

  private void run(int index) {
    Prober prober = probers.get(index);
    try {
      ProbeResult result = prober.probe();
      ProbeResult previous = results.get(index).getAndSet(result);
      publish();
      if (previous == null || previous.up() != result.up()) {
        if (result.up()) {
          LOG.info("probe {} is up ({})", result.target(), result.detail());
        } else {
          LOG.warn(
              "probe {} ({}) is down: {}", result.target(), prober.config().url(), result.detail());
        }
      }
    } catch (RuntimeException e) {
      // an escaping exception would cancel the schedule: keep probing
      LOG.warn("probe {} failed unexpectedly", prober.config().target(), e);
    }
  }

  /** The last result of every target probed at least once, in config order; never blocks. */
  public List<ProbeResult> latest() {
    return latest;
  }

  private synchronized void publish() {
    List<ProbeResult> out = new ArrayList<>(results.size());
    for (AtomicReference<ProbeResult> r : results) {
      ProbeResult last = r.get();
      if (last != null) {
        out.add(last);
      }
    }
    latest = List.copyOf(out);
  }

  /** Whether {@link #close()} has stopped every probe thread. */
  boolean stopped() {
    return scheduler == null || scheduler.isTerminated();
  }

  /** Stops probing; a probe in flight is interrupted. */
  @Override
  public void close() {
    if (scheduler == null) {
      return;
    }
    Stop.now(scheduler, "probes");
  }
}
