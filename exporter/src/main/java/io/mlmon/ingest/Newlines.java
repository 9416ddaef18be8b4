package io.mlmon.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds line ends eight bytes at a time (SWAR): a log line is hundreds of bytes long. On the way it
 * notes whether every byte it read was ASCII, which makes a line valid UTF-8 without a second pass
 * over it: the parser then skips {@link Utf8#isValid}, which cost ~3% of a replay. One per file
 * read (it carries what it saw of a partial line over to the next read).
 */
final class Newlines {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** The bytes read since {@link #passedOnlyAscii} was last asked, OR-ed together. */
  private long passed;

  /**
   * The index of the first {@code \n} in {@code b[from, to)}, or -1. Reads every byte from {@code
   * from} to the newline (and perhaps a few after it, up to the end of an eight-byte word).
   */
  int indexOf(byte[] b, int from, int to) {
    int i = from;
    long seen = passed;
    while (i + 8 <= to) {
      long word = (long) LONGS.get(b, i);
      seen |= word;
      long x = word ^ NEWLINES;
      // Marks the first zero byte exactly (bytes above it may be marked falsely, never below).
      long zeros = (x - ONES) & ~x & HIGHS;
      if (zeros != 0) {
        passed = seen;
        return i + Swar.firstMarkedByte(zeros);
      }
      i += 8;
    }
    for (; i < to; i++) {
      seen |= b[i];
      if (b[i] == '\n') {
        passed = seen;
        return i;
      }
    }
    passed = seen;
    return -1;
  }

  /**
   * Whether every byte {@link #indexOf} read since the last call was ASCII (so the line it found
   * is, a line being read from its start); starts over.
   */
  boolean passedOnlyAscii() {
    boolean ascii = (passed & HIGHS) == 0;
    passed = 0;
    return ascii;
  }
}
