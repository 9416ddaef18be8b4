package io.mlmon.monitor;

import io.mlmon.concurrent.DaemonThreads;
import io.mlmon.concurrent.Stop;
import io.mlmon.drift.DriftEvaluator;
import io.mlmon.drift.DriftSettings;
import io.mlmon.drift.ModelDrift;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.WindowSample;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes drift every {@code drift.interval} off the ingest thread: the ingest thread copies the
 * windows (about a millisecond), a background thread evaluates them, and the finished {@link
 * DriftReport} replaces the previous one for scrapes and {@code /api/v1/drift}. An evaluation still
 * running when the next is due is not doubled up.
 */
public final class DriftService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DriftService.class);

  private final DriftSettings settings;
  private final long intervalMillis;
  private final LongSupplier wallClockMillis;
  private final AtomicReference<DriftReport> latest = new AtomicReference<>(DriftReport.EMPTY);
  private final AtomicBoolean running = new AtomicBoolean();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(new DaemonThreads("mlmon-drift"));
  private long nextDueMillis;

  public DriftService(DriftSettings settings, long intervalMillis, LongSupplier wallClockMillis) {
    this.settings = settings;
    this.intervalMillis = intervalMillis;
    this.wallClockMillis = wallClockMillis;
  }

  public DriftReport latest() {
    return latest.get();
  }

  /** On the ingest thread: when due, copies the windows and starts an evaluation. */
  void maybeEvaluate(Monitor monitor) {
    long now = wallClockMillis.getAsLong();
    if (now < nextDueMillis
        || monitor.references().isEmpty()
        || !running.compareAndSet(false, true)) {
      return;
    }
    nextDueMillis = now + intervalMillis;
    Map<String, WindowSample> samples = monitor.windowSamples();
    Map<String, ReferenceProfile> references = monitor.references();
    try {
      executor.execute(
          () -> {
            try {
              latest.set(evaluate(references, samples, false));
            } catch (RuntimeException e) {
              LOG.error("drift evaluation failed", e);
            } finally {
              running.set(false);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      running.set(false);
    }
  }

  /**
   * Evaluates now, on the calling thread and the common fork-join pool (replay: once, at the end,
   * with the machine to itself).
   */
  public DriftReport evaluateNow(Monitor monitor) {
    DriftReport report = evaluate(monitor.references(), monitor.windowSamples(), true);
    latest.set(report);
    return report;
  }

  private DriftReport evaluate(
      Map<String, ReferenceProfile> references,
      Map<String, WindowSample> samples,
      boolean parallel) {
    long now = wallClockMillis.getAsLong();
    Map<String, ModelDrift> out = new LinkedHashMap<>();
    samples.forEach(
        (model, sample) ->
            out.put(
                model,
                DriftEvaluator.evaluate(references.get(model), sample, settings, now, parallel)));
    return new DriftReport(out, now);
  }

  @Override
  public void close() {
    Stop.now(executor, "drift evaluation");
  }
}
