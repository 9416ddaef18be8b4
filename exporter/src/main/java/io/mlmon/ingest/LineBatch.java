package io.mlmon.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lines copied out of the tailer's buffers, with room for what parsing them gives: an event or a
 * rejection per line. One thread fills and later applies a batch; between, the batch is {@link
 * #seal sealed} and its lines are parsed in chunks by whichever threads {@link #parseAChunk claim}
 * them, each with its own parser and preparer, so several threads can share one batch.
 */
final class LineBatch {
  static final int MAX_BYTES = 256 * 1024;
  static final int MAX_LINES = 1024;

  /**
   * Lines parsed per claim: small enough that the ingest thread, helping with the batch it must
   * apply next, waits at most a few dozen microseconds for a chunk another thread holds; large
   * enough that claiming costs nothing next to parsing.
   */
  static final int CHUNK_LINES = 32;

  /**
   * Lines whose join-table entries are loaded together just before they are applied (see {@link
   * EventSink#prefetch}): enough misses to overlap, few enough that applying them does not push the
   * loaded lines out of the cache before they are used, as a whole batch's did.
   */
  static final int PREFETCH_LINES = 32;

  /** A line's length that marks a line too long to be read at all. */
  private static final int TOO_LONG = -1;

  private final byte[] bytes = new byte[MAX_BYTES];
  private final int[] offsets = new int[MAX_LINES];
  private final int[] lengths = new int[MAX_LINES];
  private final boolean[] ascii = new boolean[MAX_LINES];
  private final ParsedEvent[] events = new ParsedEvent[MAX_LINES];
  private final Rejection[] results = new Rejection[MAX_LINES];
  private int used;
  private int count;

  /** When the lines were read (at {@link #seal}): the read time of every line of the batch. */
  private long readMillis;

  /**
   * Chunks not yet claimed, counted down: a claim is one atomic decrement, which stays correct when
   * a thread still holding this batch from its last use claims after it was sealed again (it then
   * claims a chunk of the new lines, or none).
   */
  private final AtomicInteger unclaimed = new AtomicInteger();

  private final AtomicInteger parsedChunks = new AtomicInteger();
  private int chunks;
  private volatile Throwable failure;

  boolean isEmpty() {
    return count == 0;
  }

  /** Whether a line of {@code len} bytes (or a too-long marker, -1) still fits. */
  boolean fits(int len) {
    return count < MAX_LINES && used + Math.max(0, len) <= MAX_BYTES;
  }

  /** Adds a line; {@code knownAscii}: all its bytes are ASCII (it needs no UTF-8 check). */
  void add(byte[] buf, int off, int len, boolean knownAscii) {
    System.arraycopy(buf, off, bytes, used, len);
    offsets[count] = used;
    lengths[count] = len;
    ascii[count] = knownAscii;
    used += len;
    count++;
  }

  void addTooLong() {
    lengths[count++] = TOO_LONG;
  }

  /**
   * Ends filling, the lines having been read by {@code readMillis}: they may now be claimed.
   * Publishing the batch to other threads must follow (the last write here is a volatile one, which
   * makes the lines visible to every claim).
   */
  void seal(long readMillis) {
    this.readMillis = readMillis;
    chunks = (count + CHUNK_LINES - 1) / CHUNK_LINES;
    failure = null;
    parsedChunks.set(0);
    unclaimed.set(chunks);
  }

  /**
   * Claims a chunk of lines not yet claimed and parses and prepares them with the given parser and
   * preparer (one thread's own); whether there was one. An error is kept for {@link #applyTo}.
   */
  boolean parseAChunk(EventParser parser, EventPreparer preparer) {
    int left = unclaimed.getAndDecrement();
    if (left <= 0) {
      return false;
    }
    int from = (left - 1) * CHUNK_LINES;
    try {
      parse(from, Math.min(count, from + CHUNK_LINES), parser, preparer);
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      parsedChunks.incrementAndGet();
    }
    return true;
  }

  /** Whether every chunk is parsed (and so the whole batch may be applied). */
  boolean isParsed() {
    return parsedChunks.get() == chunks;
  }

  private void parse(int from, int to, EventParser parser, EventPreparer preparer) {
    for (int i = from; i < to; i++) {
      if (lengths[i] != TOO_LONG) {
        if (events[i] == null) {
          events[i] = parser.newEvent();
        }
        results[i] = parser.parse(bytes, offsets[i], lengths[i], ascii[i], events[i]);
        if (results[i] == null) {
          preparer.prepare(events[i]);
        }
      }
    }
  }

  /**
   * Hands every line's event or rejection to {@code applier}, in order, and empties the batch; only
   * once {@link #isParsed parsed}.
   */
  void applyTo(ParseQueue.Applier applier) {
    if (failure != null) {
      throw new IllegalStateException("parsing a batch of lines failed", failure);
    }
    for (int from = 0; from < count; from += PREFETCH_LINES) {
      int to = Math.min(count, from + PREFETCH_LINES);
      for (int i = from; i < to; i++) {
        if (lengths[i] != TOO_LONG && results[i] == null) {
          applier.prefetch(events[i]);
        }
      }
      applier.prefetchDone();
      for (int i = from; i < to; i++) {
        if (lengths[i] == TOO_LONG) {
          applier.apply(Rejection.TOO_LONG, null, readMillis);
        } else {
          applier.apply(results[i], results[i] == null ? events[i] : null, readMillis);
        }
      }
    }
    used = 0;
    count = 0;
  }
}
