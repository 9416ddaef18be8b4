package io.mlmon.quality;

import java.util.Arrays;

/**
 * Predictions waiting for their ground-truth label, bounded in count and age.
 *
 * <p>An open-addressing hash table keyed by {@link PredictionKey}, each entry's key, time, and
 * model, version, decision and score packed side by side in one {@code long[]} (24 bytes, so one
 * probe touches one cache line where separate arrays touched four: with a million pending, every
 * probe is a cache miss), plus a ring of keys in arrival order for expiry: the oldest prediction is
 * dropped when {@code maxPending} are held, and predictions older than the TTL are dropped as time
 * passes. A labelled prediction stays as a marker until it leaves the ring, so a second label for
 * it is recognised as a duplicate. Pure and single-threaded; times are given by the caller.
 */
public final class PendingPredictions {
  /** Told of every prediction dropped without a label. */
  @FunctionalInterface
  public interface ExpiryListener {
    void expired(int model, ExpiryReason reason);
  }

  /** The result of a label: how it matched, and the prediction it joined (else null). */
  public record Join(JoinResult result, PendingPrediction prediction) {}

  private static final Join UNMATCHED = new Join(JoinResult.UNMATCHED, null);
  private static final Join DUPLICATE = new Join(JoinResult.DUPLICATE, null);
  private static final int MIN_CAPACITY = 1024;
  private static final int MODEL_BITS = 14;
  private static final int VERSION_BITS = 14;
  static final int MAX_INDEX = (1 << MODEL_BITS) - 1;

  private final int maxPending;
  private final long ttlMillis;
  private final ExpiryListener listener;

  /** Entry i at [3i]: key (0 = empty), [3i+1]: time, [3i+2]: meta << 32 | score's float bits. */
  private long[] table = new long[0];

  private int mask = -1;
  private int size;

  private long[] ring = new long[0];
  private int head;

  /**
   * Where {@link #prefetch} loads go, so the JIT cannot drop them as unused; never read otherwise.
   */
  @SuppressWarnings("unused")
  private long prefetched;

  private int[] unlabelledByModel = new int[8];
  private int unlabelled;

  public PendingPredictions(int maxPending, long ttlMillis, ExpiryListener listener) {
    if (maxPending < 0 || ttlMillis <= 0) {
      throw new IllegalArgumentException("maxPending >= 0 and ttl > 0 required");
    }
    this.maxPending = maxPending;
    this.ttlMillis = ttlMillis;
    this.listener = listener;
  }

  /**
   * Remembers a prediction until its label arrives. A second prediction with the same key replaces
   * the first while it is unlabelled and is ignored once it is labelled.
   */
  public void add(long key, int model, int version, byte flagged, double score, long timeMillis) {
    if (maxPending == 0) {
      return;
    }
    if (model < 0 || model > MAX_INDEX || version < 0 || version > MAX_INDEX) {
      throw new IllegalArgumentException("model or version index out of range");
    }
    key = nonZero(key);
    int slot = find(key);
    if (slot >= 0) {
      int m = metaAt(slot);
      if (!isLabelled(m)) {
        countUnlabelled(modelOf(m), -1);
        table[3 * slot + 1] = timeMillis;
        table[3 * slot + 2] = packEntry(pack(model, version, flagged, false), (float) score);
        countUnlabelled(model, 1);
      }
      return;
    }
    if (size == maxPending) {
      evictOldest(ExpiryReason.CAPACITY);
    }
    ensureCapacity(size + 1);
    slot = insertSlot(key);
    table[3 * slot] = key;
    table[3 * slot + 1] = timeMillis;
    table[3 * slot + 2] = packEntry(pack(model, version, flagged, false), (float) score);
    size++;
    int tail = head + size - 1;
    ring[tail < ring.length ? tail : tail - ring.length] = key;
    countUnlabelled(model, 1);
  }

  /**
   * Starts loading what {@link #add} and {@link #label} of a batch of keys will read, in the order
   * they will come. A probe into a table of a million entries is a cache miss (~100 ns), and a
   * probe must wait for its miss before it can go on; this loop's loads do not depend on one
   * another, so the processor overlaps many misses, and the calls that follow find their entries in
   * cache.
   *
   * @param adds per key, whether it will be {@link #add added} (a full table then evicts its oldest
   *     entry, whose slot is loaded too) rather than {@link #label labelled}
   */
  public void prefetch(long[] keys, boolean[] adds, int count) {
    if (size == 0) {
      return;
    }
    long touched = 0;
    int evictions = 0;
    for (int i = 0; i < count; i++) {
      touched += table[3 * home(nonZero(keys[i]))];
      if (adds[i] && size == maxPending && evictions < size) {
        int oldest = head + evictions++;
        touched += table[3 * home(ring[oldest < ring.length ? oldest : oldest - ring.length])];
      }
    }
    prefetched += touched;
  }

  /** Matches a label to its prediction and marks that prediction labelled. */
  public Join label(long key) {
    key = nonZero(key);
    int slot = find(key);
    if (slot < 0) {
      return UNMATCHED;
    }
    int m = metaAt(slot);
    if (isLabelled(m)) {
      return DUPLICATE;
    }
    float score = scoreAt(slot);
    table[3 * slot + 2] = packEntry(m | LABELLED_BIT, score);
    countUnlabelled(modelOf(m), -1);
    return new Join(
        JoinResult.JOINED,
        new PendingPrediction(modelOf(m), versionOf(m), flaggedOf(m), score, table[3 * slot + 1]));
  }

  /** Drops predictions older than the TTL at {@code nowMillis}, oldest first. */
  public void expire(long nowMillis) {
    while (size > 0) {
      int slot = find(ring[head]);
      if (nowMillis - table[3 * slot + 1] < ttlMillis) {
        return;
      }
      evictOldest(ExpiryReason.TTL);
    }
  }

  /** Receives stored predictions, oldest first, for checkpoints. */
  @FunctionalInterface
  public interface Visitor {
    void entry(
        long key,
        long timeMillis,
        int model,
        int version,
        byte flagged,
        boolean labelled,
        float score);
  }

  /** Visits every stored prediction (labelled markers included) from the oldest to the newest. */
  public void forEachOldestFirst(Visitor visitor) {
    for (int i = 0; i < size; i++) {
      long key = ring[(head + i) % ring.length];
      int slot = find(key);
      int m = metaAt(slot);
      visitor.entry(
          key,
          table[3 * slot + 1],
          modelOf(m),
          versionOf(m),
          flaggedOf(m),
          isLabelled(m),
          scoreAt(slot));
    }
  }

  /**
   * Puts back a prediction read from a checkpoint, as the newest; call in the visiting order to
   * rebuild the same expiry order.
   */
  public void restore(
      long key,
      long timeMillis,
      int model,
      int version,
      byte flagged,
      boolean labelled,
      float score) {
    add(key, model, version, flagged, score, timeMillis);
    if (labelled) {
      label(key);
    }
  }

  /** Predictions of {@code model} still waiting for their label. */
  public int unlabelled(int model) {
    return model < unlabelledByModel.length ? unlabelledByModel[model] : 0;
  }

  public int unlabelled() {
    return unlabelled;
  }

  /** Entries held, labelled markers included. */
  public int size() {
    return size;
  }

  private void evictOldest(ExpiryReason reason) {
    long key = ring[head];
    head = head + 1 == ring.length ? 0 : head + 1;
    int slot = find(key);
    int m = metaAt(slot);
    removeSlot(slot);
    size--;
    if (!isLabelled(m)) {
      countUnlabelled(modelOf(m), -1);
      listener.expired(modelOf(m), reason);
    }
  }

  private void countUnlabelled(int model, int delta) {
    if (model >= unlabelledByModel.length) {
      unlabelledByModel =
          Arrays.copyOf(unlabelledByModel, Math.max(model + 1, unlabelledByModel.length * 2));
    }
    unlabelledByModel[model] += delta;
    unlabelled += delta;
  }

  // --- the table ---------------------------------------------------------------------------

  private static final int LABELLED_BIT = 1 << 2;

  private static int pack(int model, int version, byte flagged, boolean labelled) {
    int flag = flagged < 0 ? 0 : flagged + 1;
    return (model << (VERSION_BITS + 3)) | (version << 3) | (labelled ? LABELLED_BIT : 0) | flag;
  }

  private static int modelOf(int m) {
    return m >>> (VERSION_BITS + 3);
  }

  private static int versionOf(int m) {
    return (m >>> 3) & ((1 << VERSION_BITS) - 1);
  }

  private static byte flaggedOf(int m) {
    return (byte) ((m & 3) - 1);
  }

  private static boolean isLabelled(int m) {
    return (m & LABELLED_BIT) != 0;
  }

  private static long packEntry(int meta, float score) {
    return ((long) meta << 32) | (Float.floatToRawIntBits(score) & 0xFFFFFFFFL);
  }

  private int metaAt(int slot) {
    return (int) (table[3 * slot + 2] >>> 32);
  }

  private float scoreAt(int slot) {
    return Float.intBitsToFloat((int) table[3 * slot + 2]);
  }

  private static long nonZero(long key) {
    return key == 0 ? 1 : key;
  }

  private int home(long key) {
    return (int) PredictionKey.finish(key) & mask;
  }

  private int find(long key) {
    if (size == 0) {
      return -1;
    }
    for (int i = home(key); ; i = (i + 1) & mask) {
      long k = table[3 * i];
      if (k == key) {
        return i;
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  private int insertSlot(long key) {
    int i = home(key);
    while (table[3 * i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Backward-shift deletion keeps every probe chain intact without tombstones. */
  private void removeSlot(int slot) {
    int hole = slot;
    int j = slot;
    while (true) {
      j = (j + 1) & mask;
      long k = table[3 * j];
      if (k == 0) {
        table[3 * hole] = 0;
        return;
      }
      int h = home(k);
      boolean movable = hole <= j ? (h <= hole || h > j) : (h <= hole && h > j);
      if (movable) {
        System.arraycopy(table, 3 * j, table, 3 * hole, 3);
        hole = j;
      }
    }
  }

  private void ensureCapacity(int needed) {
    if (needed > ring.length) {
      int capacity = (int) Math.min(maxPending, Math.max(MIN_CAPACITY, (long) ring.length * 2));
      long[] bigger = new long[capacity];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) % ring.length];
      }
      ring = bigger;
      head = 0;
    }
    int slots = table.length / 3;
    if ((long) needed * 4 > (long) slots * 3) {
      int capacity = Math.max(MIN_CAPACITY, slots * 2);
      long[] old = table;
      table = new long[3 * capacity];
      mask = capacity - 1;
      for (int i = 0; i < old.length; i += 3) {
        if (old[i] != 0) {
          int s = insertSlot(old[i]);
          System.arraycopy(old, i, table, 3 * s, 3);
        }
      }
    }
  }
}
