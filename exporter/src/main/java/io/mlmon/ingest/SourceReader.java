package io.mlmon.ingest;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * One source end to end: its tailer's lines parsed into events for the sink, and every line that is
 * not an event counted by reason. Lives on the ingest thread.
 *
 * <p>With a parse worker, a large backlog is read in two stages: while the worker parses a batch of
 * lines, the ingest thread feeds the sink the events of the batch before it and reads the lines of
 * the next. Batches are applied in order and all of them before {@link #poll} returns, so the sink,
 * the counters and the tailer's read positions agree whenever anyone else looks. A poll that reads
 * less than a batch (a sidecar keeping up with its log) parses on the ingest thread and never wakes
 * the worker.
 */
public final class SourceReader implements LineHandler, Closeable {
  private final LogTailer tailer;
  private final EventParser parser;
  private final EventSink sink;
  private final LongSupplier wallClockMillis;
  private final ExecutorService parseWorker;
  private final long[] rejected = new long[Rejection.values().length];
  private LineBatch filling = new LineBatch();
  private LineBatch spare = new LineBatch();
  private LineBatch inFlight;
  private Future<?> parsed;
  private boolean batching;

  public SourceReader(
      LogTailer tailer, EventParser parser, EventSink sink, LongSupplier wallClockMillis) {
    this(tailer, parser, sink, wallClockMillis, null);
  }

  /**
   * @param parseWorker a thread to parse batches of a large backlog on, shared by sources that are
   *     polled one after another; null to parse everything on the calling thread
   */
  public SourceReader(
      LogTailer tailer,
      EventParser parser,
      EventSink sink,
      LongSupplier wallClockMillis,
      ExecutorService parseWorker) {
    this.tailer = tailer;
    this.parser = parser;
    this.sink = sink;
    this.wallClockMillis = wallClockMillis;
    this.parseWorker = parseWorker;
  }

  public String source() {
    return tailer.source();
  }

  /** Reads up to about {@code budget} new bytes; returns how many were read. */
  public long poll(long budget) {
    batching = true;
    try {
      return tailer.poll(this, budget);
    } finally {
      batching = false;
      drain();
    }
  }

  /** Treats every partial last line as complete (replay: the files are finished). */
  public void finish() {
    batching = true;
    try {
      tailer.flushPartialLines(this);
    } finally {
      batching = false;
      drain();
    }
  }

  @Override
  public void onLine(byte[] buf, int off, int len) {
    if (!batching) {
      apply(parser.parse(buf, off, len), parser.event());
      return;
    }
    if (!filling.fits(len)) {
      handOff();
      if (!filling.fits(len)) {
        // Longer than a batch: on its own, in order.
        drain();
        apply(parser.parse(buf, off, len), parser.event());
        return;
      }
    }
    filling.add(buf, off, len);
  }

  @Override
  public void onTooLong(long length) {
    if (!batching) {
      rejected[Rejection.TOO_LONG.ordinal()]++;
      return;
    }
    if (!filling.fits(-1)) {
      handOff();
    }
    filling.addTooLong();
  }

  /**
   * The filling batch is full: the worker starts parsing it, while this thread applies the batch
   * submitted before (parsed meanwhile), whose buffer then takes the next lines.
   */
  private void handOff() {
    if (parseWorker == null) {
      filling.parse(parser);
      applyAll(filling);
      return;
    }
    LineBatch batch = filling;
    Future<?> done = parseWorker.submit(() -> batch.parse(parser));
    awaitInFlight();
    inFlight = batch;
    parsed = done;
    filling = spare;
    spare = null;
  }

  /** Applies the batch in flight, if any, once parsed; its buffer is free again after. */
  private void awaitInFlight() {
    if (inFlight == null) {
      return;
    }
    try {
      parsed.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a batch of lines was parsed", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("parsing a batch of lines failed", e.getCause());
    }
    applyAll(inFlight);
    spare = inFlight;
    inFlight = null;
    parsed = null;
  }

  /** Every line read so far parsed and applied, in order. */
  private void drain() {
    awaitInFlight();
    if (!filling.isEmpty()) {
      filling.parse(parser);
      applyAll(filling);
    }
  }

  private void applyAll(LineBatch batch) {
    for (int i = 0; i < batch.count(); i++) {
      apply(batch.result(i), batch.event(i));
    }
    batch.clear();
  }

  private void apply(Rejection rejection, ParsedEvent event) {
    if (rejection != null) {
      rejected[rejection.ordinal()]++;
      return;
    }
    sink.accept(event, wallClockMillis.getAsLong());
  }

  public SourceSnapshot snapshot() {
    Map<Rejection, Long> byReason = new EnumMap<>(Rejection.class);
    for (Rejection r : Rejection.values()) {
      byReason.put(r, rejected[r.ordinal()]);
    }
    return new SourceSnapshot(tailer.snapshot(), byReason);
  }

  public LogTailer tailer() {
    return tailer;
  }

  @Override
  public void close() {
    tailer.close();
  }
}
