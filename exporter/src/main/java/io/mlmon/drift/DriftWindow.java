package io.mlmon.drift;

import java.util.Arrays;

/**
 * The current window of one model: the newest prediction events, at most {@code maxSamples} of them
 * (a ring: a new row drops the oldest) and none older than the cutoff last given to {@link
 * #evictOlderThan}. Holds each feature's value per row (numeric: the value; categorical: the bin),
 * and the score. Memory is bounded by maxSamples × (features + 2) slots; the arrays grow by
 * doubling up to that bound, so nothing is allocated per event once a window is full.
 *
 * <p>The numeric columns share one array, and so do the categorical ones (column after column, each
 * {@code capacity} long): a full window of 100 features is then one 8 MB array, which the JVM
 * places straight in the old generation, where a hundred 80 KB columns were copied out of the young
 * one by collections that stopped every thread, scrapes included, for up to 75 ms.
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

  /** Per feature, its column among the numeric (or categorical) ones; -1 for the other kind. */
  private final int[] numericColumn;

  private final int[] categoricalColumn;
  private final int numericColumns;
  private final int categoricalColumns;

  /** Column c's value of slot s at {@code c * capacity + s}. */
  private double[] values;

  private int[] bins;
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
    numericColumn = new int[n];
    categoricalColumn = new int[n];
    int numeric = 0;
    int categorical = 0;
    for (int f = 0; f < n; f++) {
      ReferenceFeature feature = profile.feature(f);
      binCount[f] = feature.binCount();
      boolean isNumeric = feature.type() == FeatureType.NUMERIC;
      numericColumn[f] = isNumeric ? numeric++ : -1;
      categoricalColumn[f] = isNumeric ? -1 : categorical++;
    }
    numericColumns = numeric;
    categoricalColumns = categorical;
    capacity = Math.min(maxSamples, INITIAL_CAPACITY);
    values = new double[numericColumns * capacity];
    bins = new int[categoricalColumns * capacity];
    scores = new double[capacity];
    times = new long[capacity];
  }

  /**
   * Starts a row for an event at {@code timeMillis}, every value missing; drops the oldest row when
   * the window holds {@code maxSamples}.
   */
  public void beginRow(long timeMillis) {
    int slot = nextRow(timeMillis);
    for (int i = slot; i < values.length; i += capacity) {
      values[i] = Double.NaN;
    }
    for (int i = slot; i < bins.length; i += capacity) {
      bins[i] = -1;
    }
  }

  /**
   * Starts a row as {@link #beginRow} does, for a caller that sets every feature of it (with {@link
   * #setNumeric}, {@link #setCategory} or {@link #setMissing}) before the next row: the row is not
   * cleared first, which cost a store per feature, far apart in memory, for every event.
   */
  public void beginFullRow(long timeMillis) {
    nextRow(timeMillis);
  }

  private int nextRow(long timeMillis) {
    if (size == capacity) {
      if (capacity < maxSamples) {
        grow();
      } else {
        head = next(head);
        size--;
      }
    }
    int slot = head + size;
    if (slot >= capacity) {
      slot -= capacity;
    }
    size++;
    times[slot] = timeMillis;
    scores[slot] = Double.NaN;
    current = slot;
    return slot;
  }

  /** Sets a numeric feature's value in the current row; a non-finite value is missing. */
  public void setNumeric(int feature, double value) {
    checkRow();
    int column = numericColumn[feature];
    if (column < 0) {
      throw new IllegalArgumentException("feature " + feature + " is not numeric");
    }
    values[column * capacity + current] = Double.isFinite(value) ? value : Double.NaN;
  }

  /** Marks a feature's value missing in the current row. */
  public void setMissing(int feature) {
    checkRow();
    int column = numericColumn[feature];
    if (column >= 0) {
      values[column * capacity + current] = Double.NaN;
    } else {
      bins[categoricalColumn[feature] * capacity + current] = -1;
    }
  }

  /**
   * Sets a categorical feature's bin in the current row ({@link ReferenceFeature#binOf(String)}).
   */
  public void setCategory(int feature, int bin) {
    checkRow();
    int column = categoricalColumn[feature];
    if (column < 0) {
      throw new IllegalArgumentException("feature " + feature + " is not categorical");
    }
    if (bin < 0 || bin >= binCount[feature]) {
      throw new IllegalArgumentException("bin " + bin + " out of range for feature " + feature);
    }
    bins[column * capacity + current] = bin;
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
    int features = binCount.length;
    double[][] numeric = new double[features][];
    long[][] counts = new long[features][];
    for (int f = 0; f < features; f++) {
      if (numericColumn[f] >= 0) {
        numeric[f] = finite(values, numericColumn[f] * capacity, slots, rows);
      } else {
        long[] c = new long[binCount[f]];
        int start = categoricalColumn[f] * capacity;
        for (int k = 0; k < rows; k++) {
          int bin = bins[start + slots[k]];
          if (bin >= 0) {
            c[bin]++;
          }
        }
        counts[f] = c;
      }
    }
    return new WindowSample(rows, numeric, counts, finite(scores, 0, slots, rows), oldest, newest);
  }

  /** The finite values of the column starting at {@code start}, in the order of {@code slots}. */
  private static double[] finite(double[] array, int start, int[] slots, int rows) {
    double[] out = new double[rows];
    int n = 0;
    for (int k = 0; k < rows; k++) {
      double v = array[start + slots[k]];
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

  /** Doubles the capacity (at most to maxSamples), each column unwrapped to start at slot 0. */
  private void grow() {
    int bigger = (int) Math.min(maxSamples, 2L * capacity);
    double[] grownValues = new double[numericColumns * bigger];
    for (int c = 0; c < numericColumns; c++) {
      for (int k = 0; k < size; k++) {
        grownValues[c * bigger + k] = values[c * capacity + (head + k) % capacity];
      }
    }
    int[] grownBins = new int[categoricalColumns * bigger];
    for (int c = 0; c < categoricalColumns; c++) {
      for (int k = 0; k < size; k++) {
        grownBins[c * bigger + k] = bins[c * capacity + (head + k) % capacity];
      }
    }
    double[] grownScores = new double[bigger];
    long[] grownTimes = new long[bigger];
    for (int k = 0; k < size; k++) {
      grownScores[k] = scores[(head + k) % capacity];
      grownTimes[k] = times[(head + k) % capacity];
    }
    values = grownValues;
    bins = grownBins;
    scores = grownScores;
    times = grownTimes;
    head = 0;
    capacity = bigger;
  }
}
