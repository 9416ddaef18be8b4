package io.mlmon.ingest;

import java.util.Arrays;

/**
 * Feature names by their position in a line. A model server writes the same features in the same
 * order on every line, so the name at position k is almost always the one seen there last time: a
 * comparison of its bytes finds it, without hashing or decoding. Anything else goes to the pool.
 */
final class FeatureNames {
  private final StringPool pool;
  private final JsonScanner.Plain[] plain;
  private final String[] names;

  FeatureNames(StringPool pool, int positions) {
    this.pool = pool;
    this.plain = new JsonScanner.Plain[positions];
    this.names = new String[positions];
  }

  /**
   * The name at {@code position} when the string at the scanner's position is the one seen there
   * last time (then read); else null with nothing read.
   */
  String match(int position, JsonScanner in) {
    if (position < names.length) {
      JsonScanner.Plain last = plain[position];
      if (last != null && in.stringIs(last)) {
        return names[position];
      }
    }
    return null;
  }

  /** The name at {@code position} of a line: {@code len} bytes of UTF-8 at {@code off}. */
  String get(int position, byte[] b, int off, int len) {
    if (position >= names.length) {
      return pool.get(b, off, len);
    }
    JsonScanner.Plain last = plain[position];
    if (last != null && Arrays.equals(last.bytes, 0, last.bytes.length, b, off, off + len)) {
      return names[position];
    }
    String name = pool.get(b, off, len);
    plain[position] = new JsonScanner.Plain(Arrays.copyOfRange(b, off, off + len));
    names[position] = name;
    return name;
  }
}
