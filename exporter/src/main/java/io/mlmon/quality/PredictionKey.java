package io.mlmon.quality;

/**
 * The 64-bit join key of a (model, id) pair. Pending predictions are stored by this hash instead of
 * the id strings, which keeps a million waiting predictions in about 50 MB; two different pairs
 * collide with probability about n²/2⁶⁵ (3e-8 for a million).
 */
public final class PredictionKey {
  private PredictionKey() {}

  public static long of(String model, String id) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, model);
    h = (h ^ 0x1f) * 0x100000001b3L;
    h = mix(h, id);
    return finish(h);
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
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
