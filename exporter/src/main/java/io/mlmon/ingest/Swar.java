package io.mlmon.ingest;

/** Helpers for reading bytes eight at a time (SWAR: SIMD within a register). */
final class Swar {
  /** Byte i (from the low end) holds 7 - i: shifted left by 8k bits, its top byte holds k. */
  private static final long BYTE_INDEXES = 0x0001020304050607L;

  private Swar() {}

  /**
   * The index (0 to 7, from the low end) of the lowest byte marked in {@code marks}: nonzero, with
   * bits set only at the top of bytes (0x80 of each), as the zero-byte tests leave them. This is
   * {@code Long.numberOfTrailingZeros(marks) >>> 3}, which C1, the compiler mlmon runs on, does not
   * turn into one instruction: its Java fallback cost ~1.5% of a replay's CPU.
   */
  static int firstMarkedByte(long marks) {
    return (int) ((((marks & -marks) >>> 7) * BYTE_INDEXES) >>> 56);
  }

  /**
   * The {@code len} (at most 8) bytes at {@code off}, read one by one, as a little-endian word: its
   * low {@code len} bytes hold them, the rest are zero. What a word read masked with {@link
   * #lowBytes} gives, where fewer than 8 bytes are left to read.
   */
  static long word(byte[] b, int off, int len) {
    long word = 0;
    for (int k = len - 1; k >= 0; k--) {
      word = word << 8 | (b[off + k] & 0xffL);
    }
    return word;
  }

  /** The mask of a word's low {@code len} bytes: all ones for 8 or more, zero for none. */
  static long lowBytes(int len) {
    return len >= 8 ? -1L : (1L << (len << 3)) - 1;
  }
}
