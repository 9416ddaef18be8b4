package io.mlmon.drift;

import java.util.Arrays;

/**
 * The current window of one model: the newest prediction events, at most {@code maxSamples} of them
 * (a ring: a new row drops the oldest) and none older than the cutoff last given to {@link
 * #evictOlderThan}. Holds each feature's value per row (numeric: the value; categorical: the bin),
 * and the score. Memory is bounded by maxSamples × (features + 2) slots; the arrays grow by
 * doubling up to that bound, so nothing is allocated per event once a window is full.
 *
 * <p>Fed from the ingest thread for every prediction event:
 *
 * <pre>{@code
 * window.beginRow(eventTimeMillis);              // a new row, every value missing
 * window.setNumeric(profile.indexOf("amount"), 129.5);
 * window.setCategory(i, profile.feature(i).binOf("online"));
 * window.setScore(0.91);
 * }</pre>
 *
 * Not thread-safe: one thread feeds it and calls {@link #snapshot()}, whose immutable result may go
 * to any thread.
 */
public final class DriftWindow {
  private static final int INITIAL_CAPACITY = 1024;

  private final int maxSamples;
  private final int[] binCount;
  private final double[][] values;
  private final int[][] bins;
  private double[] scores;
  private long[] times;
  private int capacity;
  private int head;
  private int size;
  private int current = -1;
  private long cutoff = Long.MIN_VALUE;

  public DriftWindow(ReferenceProfile profile, int maxSamples) {
    if (maxSamples < 1) {
      throw new IllegalArgumentException("maxSamples must be at least 1");
    }
    this.maxSamples = maxSamples;
    int n = profile.featureCount();
    binCount = new int[n];
    values = new double[n][];
    bins = new int[n][];
    capacity = Math.min(maxSamples, INITIAL_CAPACITY);
    for (int f = 0; f < n; f++) {
      ReferenceFeature feature = profile.feature(f);
      binCount[f] = feature.binCount();
      if (feature.type() == FeatureType.NUMERIC) {
        values[f] = new double[capacity];
      } else {
        bins[f] = new int[capacity];
      }
    }
    scores = new double[capacity];
    times = new long[capacity];
  }

  /**
   * Starts a row for an event at {@code timeMillis}, every value missing; drops the oldest row when
   * the window holds {@code maxSamples}.
   */
  public void beginRow(long timeMillis) {
    if (size == capacity) {
      if (capacity < maxSamples) {
        grow();
      } else {
        head = next(head);
        size--;
      }
    }
    int slot = (head + size) % capacity;
    size++;
    times[slot] = timeMillis;
    scores[slot] = Double.NaN;
    for (int f = 0; f < values.length; f++) {
      if (values[f] != null) {
        values[f][slot] = Double.NaN;
      } else {
        bins[f][slot] = -1;
      }
    }
    current = slot;
  }

  /** Sets a numeric feature's value in the current row; a non-finite value stays missing. */
  public void setNumeric(int feature, double value) {
    checkRow();
    double[] column = values[feature];
    if (column == null) {
      throw new IllegalArgumentException("feature " + feature + " is not numeric");
    }
    if (Double.isFinite(value)) {
      column[current] = value;
    }
  }

  /**
   * Sets a categorical feature's bin in the current row ({@link ReferenceFeature#binOf(String)}).
   */
  public void setCategory(int feature, int bin) {
    checkRow();
    int[] column = bins[feature];
    if (column == null) {
      throw new IllegalArgumentException("feature " + feature + " is not categorical");
    }
    if (bin < 0 || bin >= binCount[feature]) {
      throw new IllegalArgumentException("bin " + bin + " out of range for feature " + feature);
    }
    column[current] = bin;
  }

  /** Sets the model's score in the current row; a non-finite score stays missing. */
  public void setScore(double score) {
    checkRow();
    if (Double.isFinite(score)) {
      scores[current] = score;
    }
  }

  /**
   * Drops rows older than {@code cutoffMillis} ({@code max_age} before the newest event time in
   * replay, before now in run). Rows leave in arrival order; a late row that arrived out of time
   * order is left out of every later {@link #snapshot()} even while it waits behind newer ones.
   */
  public void evictOlderThan(long cutoffMillis) {
    cutoff = Math.max(cutoff, cutoffMillis);
    while (size > 0 && times[head] < cutoff) {
      head = next(head);
      size--;
    }
    if (size == 0) {
      current = -1;
    }
  }

  /** Rows in the window. */
  public int size() {
    return size;
  }

  public int maxSamples() {
    return maxSamples;
  }

  /** An immutable copy of the window's values, for evaluation on another thread. */
  public WindowSample snapshot() {
    int[] slots = new int[size];
    int rows = 0;
    long oldest = Long.MAX_VALUE;
    long newest = Long.MIN_VALUE;
    for (int k = 0; k < size; k++) {
      int slot = (head + k) % capacity;
      if (times[slot] >= cutoff) {
        slots[rows++] = slot;
        oldest = Math.min(oldest, times[slot]);
        newest = Math.max(newest, times[slot]);
      }
    }
    double[][] numeric = new double[values.length][];
    long[][] counts = new long[values.length][];
    for (int f = 0; f < values.length; f++) {
      if (values[f] != null) {
        numeric[f] = finite(values[f], slots, rows);
      } else {
        long[] c = new long[binCount[f]];
        int[] column = bins[f];
        for (int k = 0; k < rows; k++) {
          int bin = column[slots[k]];
          if (bin >= 0) {
            c[bin]++;
          }
        }
        counts[f] = c;
      }
    }
    return new WindowSample(rows, numeric, counts, finite(scores, slots, rows), oldest, newest);
  }

  private static double[] finite(double[] column, int[] slots, int rows) {
    double[] out = new double[rows];
    int n = 0;
    for (int k = 0; k < rows; k++) {
      double v = column[slots[k]];
      if (v == v) {
        out[n++] = v;
      }
    }
    return n == rows ? out : Arrays.copyOf(out, n);
  }

  private void checkRow() {
    if (current < 0) {
      throw new IllegalStateException("beginRow first");
    }
  }

  private int next(int slot) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  private void grow() {
    int bigger = (int) Math.min(maxSamples, 2L * capacity);
    for (int f = 0; f < values.length; f++) {
      if (values[f] != null) {
        values[f] = unwrap(values[f], bigger);
      } else {
        int[] grown = new int[bigger];
        for (int k = 0; k < size; k++) {
          grown[k] = bins[f][(head + k) % capacity];
        }
        bins[f] = grown;
      }
    }
    scores = unwrap(scores, bigger);
    long[] grownTimes = new long[bigger];
    for (int k = 0; k < size; k++) {
      grownTimes[k] = times[(head + k) % capacity];
    }
    times = grownTimes;
    head = 0;
    capacity = bigger;
  }

  private double[] unwrap(double[] column, int bigger) {
    double[] grown = new double[bigger];
    for (int k = 0; k < size; k++) {
      grown[k] = column[(head + k) % capacity];
    }
    return grown;
  }
}
