package io.mlmon.metrics;

import io.mlmon.concurrent.DaemonThreads;
import io.mlmon.concurrent.SamplingTask;
import io.mlmon.concurrent.Stop;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The standard {@code jvm_*} and {@code process_*} metrics (the Prometheus client's {@link
 * JvmMetrics}), collected on a daemon thread ("mlmon-jvm") every five seconds and served from the
 * latest sample, so that a scrape only reads it.
 *
 * <p>Collecting them in the scrape, as the client does, meant I/O and stopping the world in every
 * scrape: the process metrics read {@code /proc/self}, and the thread metrics ask the JVM twice for
 * deadlocked threads, each a safepoint every thread must reach first. A scrape then waited for the
 * ingest thread to get there (12 ms, once, while it was zeroing a new label table; 1,200 safepoints
 * in a ten-second scrape benchmark). A few seconds' delay means little next to the usual 15 s
 * scrape interval; a sample takes about 1.5 ms of one thread, 0.03% of a core at this rate (every
 * second, it showed in the {@code run} benchmark at 1,000 events/s: 1.03% of a core against 0.87%
 * every 5 s).
 */
public final class JvmSampler implements MultiCollector, AutoCloseable {
  static final long INTERVAL_MILLIS = 5_000;

  private final PrometheusRegistry jvm = new PrometheusRegistry();
  private final ScheduledThreadPoolExecutor scheduler;
  private volatile MetricSnapshots latest;

  private JvmSampler(long intervalMillis) {
    JvmMetrics.builder().register(jvm);
    latest = jvm.scrape(); // at once: the first scrape has them too
    scheduler = new ScheduledThreadPoolExecutor(1, new DaemonThreads("mlmon-jvm"));
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.scheduleWithFixedDelay(
        new SamplingTask("JVM metrics sampling", () -> latest = jvm.scrape()),
        intervalMillis,
        intervalMillis,
        TimeUnit.MILLISECONDS);
  }

  /** Collects once now, then every five seconds until {@link #close}. */
  public static JvmSampler start() {
    return new JvmSampler(INTERVAL_MILLIS);
  }

  /** As {@link #start()}, sampling every {@code intervalMillis} (for tests). */
  static JvmSampler start(long intervalMillis) {
    return new JvmSampler(intervalMillis);
  }

  /** The latest sample: the same instance until the next, so its text is reused meanwhile. */
  @Override
  public MetricSnapshots collect() {
    return latest;
  }

  @Override
  public void close() {
    Stop.now(scheduler, "JVM metrics sampler");
  }
}
