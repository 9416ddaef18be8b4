package io.mlmon.quality;

/**
 * The 64-bit join key of a (model, id) pair. Pending predictions are stored by this hash instead of
 * the id strings, which keeps a million waiting predictions in about 40 MB; two different pairs
 * collide with probability about n²/2⁶⁵ (3e-8 for a million).
 *
 * <p>Checkpoints store these keys, so the function must never change: FNV-1a over the UTF-16 code
 * units of the model name, a separator, then those of the id, and MurmurHash3's finalizer. The
 * ingest path hashes an id straight from the UTF-8 bytes of the log line ({@link #of(long, byte[],
 * int, int)}), decoding them to the same code units on the fly, so it gets the key {@link
 * #of(String, String)} gives without making a String per event.
 */
public final class PredictionKey {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private PredictionKey() {}

  public static long of(String model, String id) {
    return finish(mix(prefix(model), id));
  }

  /**
   * The hash state after a model name: compute once per model, then {@link #of(long, byte[], int,
   * int)}.
   */
  public static long prefix(String model) {
    return (mix(FNV_OFFSET, model) ^ 0x1f) * FNV_PRIME;
  }

  /**
   * The key of the model whose {@link #prefix} is given and the id in {@code len} bytes of valid
   * UTF-8 at {@code off}: equal to {@code of(model, id)}.
   */
  public static long of(long prefix, byte[] utf8, int off, int len) {
    long h = prefix;
    int end = off + len;
    int i = off;
    while (i < end) {
      int b = utf8[i];
      if (b >= 0) {
        h = (h ^ b) * FNV_PRIME;
        i++;
        continue;
      }
      int cp;
      if ((b & 0xE0) == 0xC0) {
        cp = ((b & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
        i += 2;
      } else if ((b & 0xF0) == 0xE0) {
        cp = ((b & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
        i += 3;
      } else {
        cp =
            ((b & 0x07) << 18)
                | ((utf8[i + 1] & 0x3F) << 12)
                | ((utf8[i + 2] & 0x3F) << 6)
                | (utf8[i + 3] & 0x3F);
        i += 4;
      }
      if (cp < 0x10000) {
        h = (h ^ cp) * FNV_PRIME;
      } else {
        h = (h ^ Character.highSurrogate(cp)) * FNV_PRIME;
        h = (h ^ Character.lowSurrogate(cp)) * FNV_PRIME;
      }
    }
    return finish(h);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finalizer: spreads FNV's weak low bits over the whole word. */
  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
