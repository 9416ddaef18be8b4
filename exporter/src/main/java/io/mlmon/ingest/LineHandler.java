package io.mlmon.ingest;

/** Receives the lines a {@link LogTailer} reads, on the tailer's thread. */
public interface LineHandler {
  /**
   * One complete line without its line ending. The bytes are only valid during the call: the tailer
   * reuses its buffers.
   */
  void onLine(byte[] buf, int off, int len);

  /**
   * A line as {@link #onLine}, whose bytes are all ASCII (so valid UTF-8 without being checked).
   */
  default void onAsciiLine(byte[] buf, int off, int len) {
    onLine(buf, off, len);
  }

  /** A line longer than the source's {@code max_line_bytes}, skipped without being buffered. */
  void onTooLong(long length);
}
