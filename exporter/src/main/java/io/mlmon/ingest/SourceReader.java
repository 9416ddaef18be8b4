package io.mlmon.ingest;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One source end to end: its tailer's lines parsed into events for the sink, and every line that is
 * not an event counted by reason. Lives on the ingest thread.
 *
 * <p>Lines go through a {@link ParseQueue} (parse workers for a large backlog) and are all applied
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
  private final ParseQueue queue;
  private final ParseQueue.Applier toSink = new ToSink();
  private final long[] rejected = new long[Rejection.values().length];
  private boolean batching;

  /** A reader that parses on the calling thread. */
  public SourceReader(
      LogTailer tailer, EventParser parser, EventSink sink, LongSupplier wallClockMillis) {
    this(tailer, parser, sink, wallClockMillis, ParseQueue.start(0, parser, sink));
  }

  /**
   * @param queue the parse queue, shared by sources that are polled one after another (each poll
   *     drains it)
   */
  public SourceReader(
      LogTailer tailer,
      EventParser parser,
      EventSink sink,
      LongSupplier wallClockMillis,
      ParseQueue queue) {
    this.tailer = tailer;
    this.parser = parser;
    this.sink = sink;
    this.preparer = sink.newPreparer();
    this.wallClockMillis = wallClockMillis;
    this.queue = queue;
  }

  public String source() {
    return tailer.source();
  }

  /** Reads up to about {@code budget} new bytes; returns how many were read. */
  public long poll(long budget) {
    batching = true;
    try {
      long read = tailer.poll(this, budget);
      queue.drain(toSink);
      return read;
    } finally {
      batching = false;
    }
  }

  /** Treats every partial last line as complete (replay: the files are finished). */
  public void finish() {
    batching = true;
    try {
      tailer.flushPartialLines(this);
      queue.drain(toSink);
    } finally {
      batching = false;
    }
  }

  /** A line handed over outside {@link #poll} or longer than a batch is parsed at once. */
  @Override
  public void onLine(byte[] buf, int off, int len) {
    read(buf, off, len, false);
  }

  @Override
  public void onAsciiLine(byte[] buf, int off, int len) {
    read(buf, off, len, true);
  }

  private void read(byte[] buf, int off, int len, boolean ascii) {
    if (batching && ParseQueue.fitsABatch(len)) {
      queue.add(buf, off, len, ascii, toSink);
      return;
    }
    if (batching) {
      queue.drain(toSink); // keeps the order
    }
    Rejection rejection = parser.parse(buf, off, len);
    if (rejection == null) {
      preparer.prepare(parser.event());
    }
    apply(rejection, parser.event(), wallClockMillis.getAsLong());
  }

  @Override
  public void onTooLong(long length) {
    if (batching) {
      queue.addTooLong(toSink);
    } else {
      rejected[Rejection.TOO_LONG.ordinal()]++;
    }
  }

  private void apply(Rejection rejection, ParsedEvent event, long readMillis) {
    if (rejection != null) {
      rejected[rejection.ordinal()]++;
      return;
    }
    sink.accept(event, readMillis);
  }

  /** Batches of this source's lines, applied as this reader applies a line. */
  private final class ToSink implements ParseQueue.Applier {
    @Override
    public void prefetch(ParsedEvent event) {
      sink.prefetch(event);
    }

    @Override
    public void prefetchDone() {
      sink.prefetchDone();
    }

    @Override
    public void apply(Rejection rejection, ParsedEvent event, long readMillis) {
      SourceReader.this.apply(rejection, event, readMillis);
    }

    @Override
    public long clockMillis() {
      return wallClockMillis.getAsLong();
    }
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
