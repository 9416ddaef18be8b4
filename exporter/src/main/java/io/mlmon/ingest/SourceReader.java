package io.mlmon.ingest;

import java.io.Closeable;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One source end to end: its tailer's lines parsed into events for the sink, and every line that is
 * not an event counted by reason. Lives on the ingest thread.
 */
public final class SourceReader implements LineHandler, Closeable {
  private final LogTailer tailer;
  private final EventParser parser;
  private final EventSink sink;
  private final LongSupplier wallClockMillis;
  private final long[] rejected = new long[Rejection.values().length];

  public SourceReader(
      LogTailer tailer, EventParser parser, EventSink sink, LongSupplier wallClockMillis) {
    this.tailer = tailer;
    this.parser = parser;
    this.sink = sink;
    this.wallClockMillis = wallClockMillis;
  }

  public String source() {
    return tailer.source();
  }

  /** Reads up to about {@code budget} new bytes; returns how many were read. */
  public long poll(long budget) {
    return tailer.poll(this, budget);
  }

  /** Treats every partial last line as complete (replay: the files are finished). */
  public void finish() {
    tailer.flushPartialLines(this);
  }

  @Override
  public void onLine(byte[] buf, int off, int len) {
    Rejection rejection = parser.parse(buf, off, len);
    if (rejection != null) {
      rejected[rejection.ordinal()]++;
      return;
    }
    sink.accept(parser.event(), wallClockMillis.getAsLong());
  }

  @Override
  public void onTooLong(long length) {
    rejected[Rejection.TOO_LONG.ordinal()]++;
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
