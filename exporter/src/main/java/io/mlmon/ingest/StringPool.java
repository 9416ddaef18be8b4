package io.mlmon.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded, direct-mapped cache of recently seen strings, looked up by their UTF-8 bytes. Log
 * lines repeat the same model names, versions, feature names and category values millions of times;
 * looking the bytes up here returns the existing String instead of decoding a new one, and the same
 * instance each time (which lets consumers cache by identity). A colliding value simply replaces
 * the entry, so memory stays fixed whatever the log holds.
 */
final class StringPool {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

  private final byte[][] keys;

  /** Per slot, a key shorter than 8 bytes as one word (see {@link #shortKey}), else 0. */
  private final long[] shortKeys;

  private final String[] values;
  private final int mask;
  private final int maxLength;

  StringPool(int sizePowerOfTwo, int maxLength) {
    if (Integer.bitCount(sizePowerOfTwo) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + sizePowerOfTwo);
    }
    this.keys = new byte[sizePowerOfTwo][];
    this.shortKeys = new long[sizePowerOfTwo];
    this.values = new String[sizePowerOfTwo];
    this.mask = sizePowerOfTwo - 1;
    this.maxLength = maxLength;
  }

  /** The string of {@code len} bytes of valid UTF-8 at {@code off}. */
  String get(byte[] b, int off, int len) {
    if (len < 8 && off + 8 <= b.length) {
      // Most pooled values (a country, a channel, a version) are this short: one word read, one
      // multiplication to hash it and one comparison to match it, where the general path loops
      // over the bytes twice.
      long word = shortKey(b, off, len);
      int slot = shortHash(word, len) & mask;
      byte[] key = keys[slot];
      if (key != null && key.length == len && shortKeys[slot] == word) {
        return values[slot];
      }
    }
    if (len > maxLength) {
      return new String(b, off, len, StandardCharsets.UTF_8);
    }
    int slot = hash(b, off, len) & mask;
    byte[] key = keys[slot];
    if (key != null && sameBytes(key, b, off, len)) {
      return values[slot];
    }
    String s = new String(b, off, len, StandardCharsets.UTF_8);
    keys[slot] = Arrays.copyOfRange(b, off, off + len);
    shortKeys[slot] = len < 8 ? shortKey(keys[slot], 0, len) : 0;
    values[slot] = s;
    return s;
  }

  /**
   * The {@code len} (&lt; 8) bytes at {@code off} as the low bytes of a word, little-endian, the
   * rest zero: what {@link #hash} makes of them. Reads 8 bytes, so needs them in {@code b}, or a
   * copy.
   */
  static long shortKey(byte[] b, int off, int len) {
    if (off + 8 > b.length) {
      return Swar.word(b, off, len);
    }
    return (long) LONGS.get(b, off) & Swar.lowBytes(len);
  }

  /** {@link #hash} of a key shorter than 8 bytes, from its {@link #shortKey}: the same value. */
  static int shortHash(long word, int len) {
    long h = ((len * MULTIPLIER) ^ word) * MULTIPLIER;
    return (int) (h ^ (h >>> 29));
  }

  /**
   * Whether {@code key} is the {@code len} bytes at {@code off}. Pooled values are mostly a few
   * bytes long (a country, a channel, a model name), for which a plain loop beats {@link
   * Arrays#equals}' range checks and vectorized compare in the C1-compiled code a sidecar runs.
   */
  private static boolean sameBytes(byte[] key, byte[] b, int off, int len) {
    if (key.length != len) {
      return false;
    }
    if (len > 16) {
      return Arrays.equals(key, 0, len, b, off, off + len);
    }
    for (int i = 0; i < len; i++) {
      if (key[i] != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  /** Eight bytes at a time, multiply and mix: cheap for the short strings of logs. */
  static int hash(byte[] b, int off, int len) {
    long h = len * MULTIPLIER;
    int i = off;
    int end = off + len;
    while (i + 8 <= end) {
      h = (h ^ (long) LONGS.get(b, i)) * MULTIPLIER;
      i += 8;
    }
    h = (h ^ Swar.word(b, i, end - i)) * MULTIPLIER;
    return (int) (h ^ (h >>> 29));
  }
}
