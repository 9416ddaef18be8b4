package io.mlmon.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link Timestamps#parseRfc3339(byte[], int, int)} that remembers the date, hour and minute of the
 * last time it read: the lines of a log share them for thousands of lines, and working them out
 * again (calendar arithmetic whose divisions C1, the compiler mlmon runs on, does not turn into
 * multiplications) was most of the cost of a time. Same results for every input. One per parser.
 */
final class TimestampReader {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The first {@link Timestamps#MINUTE_BYTES} bytes of the last time read, as two words. */
  private long head;

  private long tail;
  private boolean remembered;
  private long minuteSeconds;

  /** The epoch milliseconds of the {@code n} bytes at {@code off}, or {@link Long#MIN_VALUE}. */
  long parse(byte[] b, int off, int n) {
    if (n < 20) {
      return Long.MIN_VALUE;
    }
    long h = (long) LONGS.get(b, off);
    long t = (long) LONGS.get(b, off + 8);
    if (!remembered || h != head || t != tail) {
      long minute = Timestamps.minuteSeconds(b, off, n);
      if (minute == Long.MIN_VALUE) {
        return Long.MIN_VALUE;
      }
      head = h;
      tail = t;
      minuteSeconds = minute;
      remembered = true;
    }
    return Timestamps.withinMinute(b, off, n, minuteSeconds);
  }
}
