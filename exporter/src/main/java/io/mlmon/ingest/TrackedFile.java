package io.mlmon.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * One open file of a source and the state of its line splitting: the partial last line held until
 * its newline arrives, or the length of an over-long line being skipped.
 */
final class TrackedFile {
  final FileIdentity identity;
  Path path;
  private final FileChannel channel;
  private final int maxLineBytes;
  private final Newlines newlines = new Newlines();
  private long readOffset;
  private long size;
  private byte[] carry = new byte[0];
  private int carryLength;
  private long skippedLength = -1;
  long orphanedSinceNanos = -1;
  long lastGrowthNanos;

  TrackedFile(
      Path path, FileIdentity identity, FileChannel channel, long offset, int maxLineBytes) {
    this.path = path;
    this.identity = identity;
    this.channel = channel;
    this.readOffset = offset;
    this.size = offset;
    this.maxLineBytes = maxLineBytes;
  }

  long readOffset() {
    return readOffset;
  }

  long size() {
    return size;
  }

  /** The offset just after the last complete line: where a restart may resume without loss. */
  long lineBoundaryOffset() {
    return readOffset - carryLength - Math.max(0, skippedLength);
  }

  /**
   * Restarts at 0 when the file shrank below the read position: copytruncate, or a writer that
   * truncated it. The old content is gone; the partial line with it.
   */
  boolean restartIfTruncated() throws IOException {
    if (channel.size() >= readOffset) {
      return false;
    }
    readOffset = 0;
    carryLength = 0;
    skippedLength = -1;
    return true;
  }

  /** Reads new bytes, at most about {@code budget}, handing complete lines to {@code handler}. */
  long read(ByteBuffer chunk, LineHandler handler, long budget, TailerCounters counters)
      throws IOException {
    size = channel.size();
    long read = 0;
    while (readOffset < size && read < budget) {
      chunk.clear();
      int n = channel.read(chunk, readOffset);
      if (n <= 0) {
        break;
      }
      readOffset += n;
      read += n;
      split(chunk.array(), n, handler, counters);
    }
    if (readOffset > size) {
      size = readOffset;
    }
    counters.bytes += read;
    return read;
  }

  private void split(byte[] buf, int n, LineHandler handler, TailerCounters counters) {
    int start = 0;
    for (int i = newlines.indexOf(buf, 0, n); i >= 0; i = newlines.indexOf(buf, i + 1, n)) {
      boolean ascii = newlines.passedOnlyAscii();
      if (skippedLength >= 0) {
        counters.lines++;
        handler.onTooLong(skippedLength + (i - start));
        skippedLength = -1;
      } else if (carryLength > 0) {
        if (append(buf, start, i - start)) {
          deliver(carry, 0, carryLength, false, handler, counters);
        } else {
          counters.lines++;
          handler.onTooLong(skippedLength);
          skippedLength = -1;
        }
        carryLength = 0;
      } else {
        deliver(buf, start, i - start, ascii, handler, counters);
      }
      start = i + 1;
    }
    if (start < n) {
      if (skippedLength >= 0) {
        skippedLength += n - start;
      } else {
        append(buf, start, n - start);
      }
    }
  }

  /** Appends to the partial line; past the limit, switches to skipping. Returns false then. */
  private boolean append(byte[] buf, int off, int len) {
    if ((long) carryLength + len > maxLineBytes + 1L) {
      skippedLength = (long) carryLength + len;
      carryLength = 0;
      return false;
    }
    if (carryLength + len > carry.length) {
      int capacity = Math.max(carry.length * 2, carryLength + len);
      byte[] bigger = new byte[Math.min(capacity, maxLineBytes + 1)];
      System.arraycopy(carry, 0, bigger, 0, carryLength);
      carry = bigger;
    }
    System.arraycopy(buf, off, carry, carryLength, len);
    carryLength += len;
    return true;
  }

  private void deliver(
      byte[] buf, int off, int len, boolean ascii, LineHandler handler, TailerCounters counters) {
    if (len > 0 && buf[off + len - 1] == '\r') {
      len--;
    }
    if (len == 0) {
      return;
    }
    counters.lines++;
    if (len > maxLineBytes) {
      handler.onTooLong(len);
    } else if (ascii) {
      handler.onAsciiLine(buf, off, len);
    } else {
      handler.onLine(buf, off, len);
    }
  }

  /** Hands on a last line that never got its newline (the file is finished). */
  void flushPartial(LineHandler handler, TailerCounters counters) {
    if (skippedLength >= 0) {
      counters.lines++;
      handler.onTooLong(skippedLength);
      skippedLength = -1;
    } else if (carryLength > 0) {
      deliver(carry, 0, carryLength, false, handler, counters);
    }
    carryLength = 0;
    carry = new byte[0];
  }

  void close() throws IOException {
    channel.close();
  }
}
