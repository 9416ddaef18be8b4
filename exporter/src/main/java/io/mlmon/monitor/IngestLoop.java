package io.mlmon.monitor;

import io.mlmon.ingest.SourceReader;
import io.mlmon.ingest.SourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest thread: polls every source, feeds the monitor, and publishes an immutable {@link
 * IngestSnapshot} when it catches up and at least every {@link #PUBLISH_EVERY_MILLIS} while busy.
 * It is the only thread that touches the sources and the monitor, so they need no locks (parse
 * workers touch only the batches of lines handed to them, see {@link io.mlmon.ingest.ParseQueue}).
 */
public final class IngestLoop implements Runnable {
  static final long PUBLISH_EVERY_MILLIS = 250;

  /**
   * Bytes read from a source before the next is polled and a snapshot may be published: a few
   * hundredths of a second of catch-up, so that with several sources scrapes still see a fresh
   * snapshot about every {@link #PUBLISH_EVERY_MILLIS} while backlogs are read.
   */
  private static final long POLL_BUDGET_BYTES = 4L << 20;

  /**
   * The same for a replay, which publishes nothing meanwhile. Each poll ends by draining the parse
   * queue, idling the parse workers while its last batches are applied: polls of 4 MB made a 100 MB
   * replay about 4% slower.
   */
  private static final long REPLAY_POLL_BUDGET_BYTES = 64L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(IngestLoop.class);

  private final List<SourceReader> readers;
  private final Monitor monitor;
  private final long pollIntervalMillis;
  private final LongSupplier wallClockMillis;
  private final Checkpointer checkpointer;
  private final DriftService drift;
  private final AtomicReference<IngestSnapshot> latest =
      new AtomicReference<>(IngestSnapshot.EMPTY);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean running = true;
  private volatile Throwable failure;
  private long lastPublishMillis;

  /**
   * @param checkpointer writes checkpoints while running and at stop; null for none (replay)
   * @param drift evaluates drift every interval while running; null for none
   */
  public IngestLoop(
      List<SourceReader> readers,
      Monitor monitor,
      long pollIntervalMillis,
      LongSupplier wallClockMillis,
      Checkpointer checkpointer,
      DriftService drift) {
    this.checkpointer = checkpointer;
    this.drift = drift;
    this.readers = List.copyOf(readers);
    this.monitor = monitor;
    this.pollIntervalMillis = pollIntervalMillis;
    this.wallClockMillis = wallClockMillis;
  }

  /** The error that stopped the ingest thread, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** The last published state; never blocks. */
  public IngestSnapshot latest() {
    return latest.get();
  }

  /** Follows the sources until {@link #stop()}. */
  @Override
  public void run() {
    try {
      publish();
      while (running) {
        long read = pollAll(POLL_BUDGET_BYTES);
        long now = wallClockMillis.getAsLong();
        if (read == 0 || now - lastPublishMillis >= PUBLISH_EVERY_MILLIS) {
          monitor.expire();
          publish();
          if (checkpointer != null) {
            checkpointer.maybeSave();
          }
          if (drift != null) {
            drift.maybeEvaluate(monitor);
          }
        }
        if (read == 0 && running) {
          sleep(pollIntervalMillis);
        }
      }
      if (checkpointer != null) {
        checkpointer.save();
      }
      publish();
    } catch (RuntimeException | Error e) {
      // Reported by /-/healthy, so an orchestrator restarts the process rather than serving stale
      // metrics forever.
      failure = e;
      LOG.error("ingest stopped by an unexpected error", e);
      throw e;
    } finally {
      stopped.countDown();
    }
  }

  /** Reads every source from where it starts to its current end, then publishes (replay). */
  public IngestSnapshot runToEnd() {
    long read;
    do {
      read = pollAll(REPLAY_POLL_BUDGET_BYTES);
      if (wallClockMillis.getAsLong() - lastPublishMillis >= PUBLISH_EVERY_MILLIS) {
        publish();
      }
    } while (read > 0);
    readers.forEach(SourceReader::finish);
    monitor.expire();
    return publish();
  }

  /** Asks the loop to stop after its current poll, and waits up to {@code timeoutMillis}. */
  public boolean stop(long timeoutMillis) throws InterruptedException {
    running = false;
    return stopped.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** Whether every source has at least one file open. */
  public List<String> sourcesNotOpen() {
    List<String> out = new ArrayList<>();
    for (SourceSnapshot source : latest().sources()) {
      if (source.tailer().openFiles() == 0) {
        out.add(source.source());
      }
    }
    return out;
  }

  private long pollAll(long budget) {
    long total = 0;
    for (SourceReader reader : readers) {
      total += reader.poll(budget);
    }
    return total;
  }

  private IngestSnapshot publish() {
    List<SourceSnapshot> sources = new ArrayList<>(readers.size());
    for (SourceReader reader : readers) {
      sources.add(reader.snapshot());
    }
    long now = wallClockMillis.getAsLong();
    IngestSnapshot snapshot =
        new IngestSnapshot(
            sources,
            monitor.snapshot(),
            checkpointer == null ? CheckpointStatus.DISABLED : checkpointer.status(),
            now);
    latest.set(snapshot);
    lastPublishMillis = now;
    return snapshot;
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }
}
