package io.mlmon.http;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The buffers scrape bodies are written into, kept for the next scrapes. A 5 × 100-feature body is
 * about 1 MB: allocated afresh, it was a third of everything the process allocated while ingest and
 * scrapes ran together, and the young collections it caused promoted short-lived state into the old
 * generation, whose full collections stopped scrapes for 30 ms. At most {@link #KEPT} are kept;
 * concurrent scrapes beyond that allocate their own.
 */
final class ScrapeBuffers {
  static final int KEPT = 4;

  private final ArrayBlockingQueue<ByteArrayOutputStream> free = new ArrayBlockingQueue<>(KEPT);

  /** An empty buffer, reused if one is free. */
  ByteArrayOutputStream take() {
    ByteArrayOutputStream buffer = free.poll();
    if (buffer == null) {
      return new ByteArrayOutputStream(64 * 1024);
    }
    buffer.reset();
    return buffer;
  }

  /** Returns a buffer taken before, once its bytes are sent. */
  void give(ByteArrayOutputStream buffer) {
    free.offer(buffer);
  }
}
