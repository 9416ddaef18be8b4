package io.mlmon.quality;

import java.util.Arrays;

/**
 * Predictions waiting for their ground-truth label, bounded in count and age.
 *
 * <p>The predictions are kept in arrival order in a ring, each entry's key, time, and model,
 * version, decision and score packed side by side in one {@code long[]} (24 bytes), and found by an
 * open-addressing index of 8-byte slots, each a 32-bit hash of the key and the entry's place in the
 * ring. The oldest prediction is dropped when {@code maxPending} are held, and predictions older
 * than the TTL are dropped as time passes. A labelled prediction stays as a marker until it leaves
 * the ring, so a second label for it is recognised as a duplicate. Pure and single-threaded; times
 * are given by the caller.
 *
 * <p>Why a ring and an index: with a million pending, a probe into a table of entries was a cache
 * miss into 48 MB, three times per prediction (its insertion, its label, its eviction). Now
 * insertions and evictions write and read the ring in order, the index that is probed at random is
 * a third of that size, and a label that comes soon after its prediction finds the entry still in
 * cache.
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

  /**
   * Entry p of the ring at [3p]: key, [3p+1]: time, [3p+2]: meta << 32 | score's float bits; the
   * oldest at {@link #head}, {@link #size} of them.
   */
  private long[] ring = new long[0];

  private int ringCapacity;
  private int head;
  private int size;

  /** Slot: 0 when empty, else the key's {@link #hash} << 32 | (its ring entry + 1). */
  private long[] index = new long[0];

  private int mask = -1;

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
   * the first while it is unlabelled (keeping its place in the expiry order) and is ignored once it
   * is labelled.
   */
  public void add(long key, int model, int version, byte flagged, double score, long timeMillis) {
    if (maxPending == 0) {
      return;
    }
    if (model < 0 || model > MAX_INDEX || version < 0 || version > MAX_INDEX) {
      throw new IllegalArgumentException("model or version index out of range");
    }
    int hash = hash(key);
    int slot = find(key, hash);
    if (slot >= 0) {
      int entry = entryOf(index[slot]);
      int m = metaAt(entry);
      if (!isLabelled(m)) {
        countUnlabelled(modelOf(m), -1);
        ring[3 * entry + 1] = timeMillis;
        ring[3 * entry + 2] = packEntry(pack(model, version, flagged, false), (float) score);
        countUnlabelled(model, 1);
      }
      return;
    }
    if (size == maxPending) {
      evictOldest(ExpiryReason.CAPACITY);
    }
    ensureCapacity(size + 1);
    int entry = wrap(head + size);
    ring[3 * entry] = key;
    ring[3 * entry + 1] = timeMillis;
    ring[3 * entry + 2] = packEntry(pack(model, version, flagged, false), (float) score);
    index[insertSlot(hash)] = slotValue(hash, entry);
    size++;
    countUnlabelled(model, 1);
  }

  /**
   * Starts loading the index slots {@link #add} and {@link #label} of a batch of keys will probe,
   * in the order they will come. A probe into an index for a million entries is a cache miss (~100
   * ns), and a probe must wait for its miss before it can go on; this loop's loads do not depend on
   * one another, so the processor overlaps many misses, and the calls that follow find their slots
   * in cache.
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
      touched += index[hash(keys[i]) & mask];
      if (adds[i] && size == maxPending && evictions < size) {
        touched += index[hash(ring[3 * wrap(head + evictions++)]) & mask];
      }
    }
    prefetched += touched;
  }

  /** Matches a label to its prediction and marks that prediction labelled. */
  public Join label(long key) {
    int slot = find(key, hash(key));
    if (slot < 0) {
      return UNMATCHED;
    }
    int entry = entryOf(index[slot]);
    int m = metaAt(entry);
    if (isLabelled(m)) {
      return DUPLICATE;
    }
    float score = scoreAt(entry);
    ring[3 * entry + 2] = packEntry(m | LABELLED_BIT, score);
    countUnlabelled(modelOf(m), -1);
    return new Join(
        JoinResult.JOINED,
        new PendingPrediction(modelOf(m), versionOf(m), flaggedOf(m), score, ring[3 * entry + 1]));
  }

  /** Drops predictions older than the TTL at {@code nowMillis}, oldest first. */
  public void expire(long nowMillis) {
    while (size > 0 && nowMillis - ring[3 * head + 1] >= ttlMillis) {
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
      int entry = wrap(head + i);
      int m = metaAt(entry);
      visitor.entry(
          ring[3 * entry],
          ring[3 * entry + 1],
          modelOf(m),
          versionOf(m),
          flaggedOf(m),
          isLabelled(m),
          scoreAt(entry));
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
    int entry = head;
    head = wrap(head + 1);
    int m = metaAt(entry);
    removeSlot(slotOfEntry(entry));
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

  // --- the entries -------------------------------------------------------------------------

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

  private int metaAt(int entry) {
    return (int) (ring[3 * entry + 2] >>> 32);
  }

  private float scoreAt(int entry) {
    return Float.intBitsToFloat((int) ring[3 * entry + 2]);
  }

  private int wrap(int entry) {
    return entry < ringCapacity ? entry : entry - ringCapacity;
  }

  // --- the index ---------------------------------------------------------------------------

  /**
   * 32 well-mixed bits of a key: its slot's high half, and its home slot's low bits. Keys are
   * {@link PredictionKey}s, already mixed by its finalizer, so one multiplication (Fibonacci
   * hashing) suffices; it still spreads keys that are not (consecutive ones, say). It runs four
   * times per prediction on the ingest thread.
   */
  private static int hash(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
  }

  private static long slotValue(int hash, int entry) {
    return ((long) hash << 32) | (entry + 1);
  }

  private static int entryOf(long slotValue) {
    return (int) slotValue - 1;
  }

  /**
   * The index slot of {@code key}, or -1; only a slot whose hash matches is checked in the ring.
   */
  private int find(long key, int hash) {
    if (size == 0) {
      return -1;
    }
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long s = index[i];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == hash && ring[3 * entryOf(s)] == key) {
        return i;
      }
    }
  }

  /** The index slot pointing at ring entry {@code entry} (which is held). */
  private int slotOfEntry(int entry) {
    long wanted = entry + 1;
    for (int i = hash(ring[3 * entry]) & mask; ; i = (i + 1) & mask) {
      if ((index[i] & 0xFFFFFFFFL) == wanted) {
        return i;
      }
    }
  }

  private int insertSlot(int hash) {
    int i = hash & mask;
    while (index[i] != 0) {
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
      long s = index[j];
      if (s == 0) {
        index[hole] = 0;
        return;
      }
      int h = (int) (s >>> 32) & mask;
      boolean movable = hole <= j ? (h <= hole || h > j) : (h <= hole && h > j);
      if (movable) {
        index[hole] = s;
        hole = j;
      }
    }
  }

  /**
   * Room for {@code needed} entries: the ring doubles up to {@code maxPending} (its entries moved
   * to the start, oldest first), and the index doubles to stay at most three quarters full.
   *
   * <p>The index is rebuilt from itself, slot by slot: each slot holds its key's hash, so no key is
   * read from the ring again, and the doubled index is written in two nearly sequential streams. A
   * rebuild that inserted the ring's keys in arrival order wrote the index at random, a cache miss
   * per entry, ~60 ms of a 1 GB replay while the other threads waited for the ingest thread.
   */
  private void ensureCapacity(int needed) {
    int oldCapacity = ringCapacity;
    int moveFrom = -1;
    if (needed > ringCapacity) {
      int capacity = (int) Math.min(maxPending, Math.max(MIN_CAPACITY, (long) ringCapacity * 2));
      long[] bigger = new long[3 * capacity];
      int first = Math.min(size, ringCapacity - head);
      System.arraycopy(ring, 3 * head, bigger, 0, 3 * first);
      System.arraycopy(ring, 0, bigger, 3 * first, 3 * (size - first));
      moveFrom = head;
      ring = bigger;
      ringCapacity = capacity;
      head = 0;
    }
    boolean grow = (long) needed * 4 > (long) index.length * 3;
    if (!grow && moveFrom < 0) {
      return;
    }
    long[] old = index;
    index = grow ? new long[Math.max(MIN_CAPACITY, old.length * 2)] : old;
    mask = index.length - 1;
    for (int i = 0; i < old.length; i++) {
      long s = old[i];
      if (s == 0) {
        continue;
      }
      int hash = (int) (s >>> 32);
      int entry = entryOf(s);
      if (moveFrom >= 0) {
        // Where the copy above put it: its place after the old head.
        entry = entry >= moveFrom ? entry - moveFrom : entry + oldCapacity - moveFrom;
      }
      if (grow) {
        index[insertSlot(hash)] = slotValue(hash, entry);
      } else {
        index[i] = slotValue(hash, entry);
      }
    }
  }
}
