package io.mlmon.ingest;

import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.function.LongSupplier;

/**
 * One source end to end: its tailer's lines parsed into events for the sink, and every line that is
 * not an event counted by reason. Lives on the ingest thread.
 *
 * <p>With parse workers, a large backlog is read in stages: while workers parse batches of lines
 * (each batch with its own parser, so several at once), the ingest thread feeds the sink the events
 * of the oldest batch and reads the lines of the next. Batches are applied in order and all of them
 * before {@link #poll} returns, so the sink, the counters and the tailer's read positions agree
 * whenever anyone else looks. A poll that reads less than a batch (a sidecar keeping up with its
 * log) parses on the ingest thread and never wakes a worker.
 */
public final class SourceReader implements LineHandler, Closeable {
  private final LogTailer tailer;
  private final EventParser parser;
  private final EventSink sink;
  private final EventPreparer preparer;
  private final LongSupplier wallClockMillis;
  private final ExecutorService parseWorkers;
  private final int maxInFlight;
  private final int maxQueued;
  private final long[] rejected = new long[Rejection.values().length];

  /** Batches read and not yet applied, oldest first, with what tells when each is parsed. */
  private final ArrayDeque<LineBatch> queued = new ArrayDeque<>();

  private final ArrayDeque<FutureTask<Void>> parsed = new ArrayDeque<>();

  /** Batches applied and free again; each keeps its parser. */
  private final ArrayDeque<LineBatch> free = new ArrayDeque<>();

  private LineBatch filling;
  private boolean batching;

  public SourceReader(
      LogTailer tailer, EventParser parser, EventSink sink, LongSupplier wallClockMillis) {
    this(tailer, parser, sink, wallClockMillis, null, 0);
  }

  /**
   * @param parseWorkers threads to parse batches of a large backlog on, shared by sources that are
   *     polled one after another; null to parse everything on the calling thread
   * @param maxInFlight how many batches may be parsing at once: the number of worker threads
   */
  public SourceReader(
      LogTailer tailer,
      EventParser parser,
      EventSink sink,
      LongSupplier wallClockMillis,
      ExecutorService parseWorkers,
      int maxInFlight) {
    this.tailer = tailer;
    this.parser = parser;
    this.sink = sink;
    this.preparer = sink.newPreparer();
    this.wallClockMillis = wallClockMillis;
    this.parseWorkers = parseWorkers;
    this.maxInFlight = parseWorkers == null ? 0 : Math.max(1, maxInFlight);
    this.maxQueued = 2 * (this.maxInFlight + 1);
    this.filling = new LineBatch(parser, preparer);
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
      parseAndApply(buf, off, len);
      return;
    }
    if (!filling.fits(len)) {
      handOff();
      if (!filling.fits(len)) {
        // Longer than a batch: on its own, in order.
        drain();
        parseAndApply(buf, off, len);
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
   * The filling batch is full: it joins the workers' queue. Batches at the head of the queue whose
   * parse is done are applied, in order. When too many are queued, this thread parses queued
   * batches no worker has started, newest first, before it waits for the oldest: so it never idles
   * while there is parsing to do, and the split of the work between the threads balances itself
   * whatever the number of cores.
   */
  private void handOff() {
    if (parseWorkers == null) {
      filling.parse();
      applyAll(filling);
      return;
    }
    LineBatch batch = filling;
    FutureTask<Void> task = new FutureTask<>(batch::parse, null);
    parseWorkers.execute(task);
    parsed.addLast(task);
    queued.addLast(batch);
    applyParsed();
    while (queued.size() > maxQueued) {
      if (!parseOneQueued()) {
        applyOldest();
      }
      applyParsed();
    }
    filling =
        free.isEmpty() ? new LineBatch(parser.sibling(), sink.newPreparer()) : free.removeFirst();
  }

  /** Applies the batches at the head of the queue whose parse is done, in order. */
  private void applyParsed() {
    while (!parsed.isEmpty() && parsed.peekFirst().isDone()) {
      applyOldest();
    }
  }

  /** Parses the newest queued batch no worker has started, if any; whether it found one. */
  private boolean parseOneQueued() {
    for (Iterator<FutureTask<Void>> it = parsed.descendingIterator(); it.hasNext(); ) {
      FutureTask<Void> task = it.next();
      if (!task.isDone()) {
        // Does nothing when a worker is running it already.
        task.run();
        if (task.isDone()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits until the oldest queued batch is parsed, applies it and frees its buffer. */
  private void applyOldest() {
    try {
      parsed.removeFirst().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a batch of lines was parsed", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("parsing a batch of lines failed", e.getCause());
    }
    LineBatch batch = queued.removeFirst();
    applyAll(batch);
    free.addLast(batch);
  }

  /** Every line read so far parsed and applied, in order. */
  private void drain() {
    while (!queued.isEmpty()) {
      applyOldest();
    }
    if (!filling.isEmpty()) {
      filling.parse();
      applyAll(filling);
    }
  }

  private void applyAll(LineBatch batch) {
    for (int i = 0; i < batch.count(); i++) {
      if (batch.result(i) == null) {
        sink.prefetch(batch.event(i));
      }
    }
    sink.prefetchDone();
    for (int i = 0; i < batch.count(); i++) {
      apply(batch.result(i), batch.event(i));
    }
    batch.clear();
  }

  private void parseAndApply(byte[] buf, int off, int len) {
    Rejection rejection = parser.parse(buf, off, len);
    if (rejection == null) {
      preparer.prepare(parser.event());
    }
    apply(rejection, parser.event());
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
