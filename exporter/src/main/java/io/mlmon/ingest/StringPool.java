package io.mlmon.ingest;

/**
 * A bounded, direct-mapped cache of recently seen strings. Log lines repeat the same model names,
 * versions and category values millions of times; looking the characters up here returns the
 * existing String instead of allocating a new one. A colliding value simply replaces the entry, so
 * memory stays fixed whatever the log holds.
 */
final class StringPool {
  private final String[] entries;
  private final int mask;
  private final int maxLength;

  StringPool(int sizePowerOfTwo, int maxLength) {
    if (Integer.bitCount(sizePowerOfTwo) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + sizePowerOfTwo);
    }
    this.entries = new String[sizePowerOfTwo];
    this.mask = sizePowerOfTwo - 1;
    this.maxLength = maxLength;
  }

  String get(char[] chars, int off, int len) {
    if (len > maxLength) {
      return new String(chars, off, len);
    }
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + chars[i];
    }
    int slot = (h ^ (h >>> 16)) & mask;
    String cached = entries[slot];
    if (cached != null && cached.length() == len && equals(cached, chars, off, len)) {
      return cached;
    }
    String s = new String(chars, off, len);
    entries[slot] = s;
    return s;
  }

  private static boolean equals(String s, char[] chars, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != chars[off + i]) {
        return false;
      }
    }
    return true;
  }
}
