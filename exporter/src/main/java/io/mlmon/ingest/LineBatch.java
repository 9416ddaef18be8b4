package io.mlmon.ingest;

/**
 * Lines copied out of the tailer's buffers, with room for what parsing them gives: an event or a
 * rejection per line. One thread fills and later applies a batch; another may parse it between,
 * with the batch's own parser and preparer, so batches can be parsed at the same time.
 */
final class LineBatch {
  static final int MAX_BYTES = 256 * 1024;
  static final int MAX_LINES = 1024;

  /** A line's length that marks a line too long to be read at all. */
  private static final int TOO_LONG = -1;

  private final byte[] bytes = new byte[MAX_BYTES];
  private final int[] offsets = new int[MAX_LINES];
  private final int[] lengths = new int[MAX_LINES];
  private final ParsedEvent[] events = new ParsedEvent[MAX_LINES];
  private final Rejection[] results = new Rejection[MAX_LINES];
  private final EventParser parser;
  private final EventPreparer preparer;
  private int used;
  private int count;

  LineBatch(EventParser parser, EventPreparer preparer) {
    this.parser = parser;
    this.preparer = preparer;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Whether a line of {@code len} bytes (or a too-long marker, -1) still fits. */
  boolean fits(int len) {
    return count < MAX_LINES && used + Math.max(0, len) <= MAX_BYTES;
  }

  void add(byte[] buf, int off, int len) {
    System.arraycopy(buf, off, bytes, used, len);
    offsets[count] = used;
    lengths[count] = len;
    used += len;
    count++;
  }

  void addTooLong() {
    lengths[count++] = TOO_LONG;
  }

  /** Parses and prepares every line. */
  void parse() {
    for (int i = 0; i < count; i++) {
      if (lengths[i] != TOO_LONG) {
        if (events[i] == null) {
          events[i] = parser.newEvent();
        }
        results[i] = parser.parse(bytes, offsets[i], lengths[i], events[i]);
        if (results[i] == null) {
          preparer.prepare(events[i]);
        }
      }
    }
  }

  /** Hands every line's event or rejection to {@code applier}, in order, and empties the batch. */
  void applyTo(ParseQueue.Applier applier) {
    for (int i = 0; i < count; i++) {
      if (lengths[i] != TOO_LONG && results[i] == null) {
        applier.prefetch(events[i]);
      }
    }
    applier.prefetchDone();
    for (int i = 0; i < count; i++) {
      if (lengths[i] == TOO_LONG) {
        applier.apply(Rejection.TOO_LONG, null);
      } else {
        applier.apply(results[i], results[i] == null ? events[i] : null);
      }
    }
    clear();
  }

  private void clear() {
    used = 0;
    count = 0;
  }
}
