package io.mlmon.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of one log line, filled by {@link EventParser}. Instances are reused, one per line
 * slot of a batch (the ingest hot path allocates no event objects and boxes no feature values), so
 * a consumer must copy what it keeps beyond {@link EventSink#accept}.
 */
public final class ParsedEvent {
  /** Tri-state for optional booleans. */
  public static final byte ABSENT = -1;

  /** The kind of a feature's value as it appeared in the line. */
  public enum ValueKind {
    NUMBER,
    STRING,
    BOOLEAN,
    NULL,
    /** An object or array: never a valid feature value. */
    OTHER
  }

  boolean label;
  String model;
  String version;
  String id;
  byte[] idBytes;
  int idOffset;
  int idLength;
  long timeMillis;
  boolean hasTime;
  double score;
  boolean hasScore;
  byte flagged;
  byte labelValue;
  double latencyMs;
  boolean hasLatency;
  String error;
  long joinKey;
  boolean hasJoinKey;
  final Features features;

  ParsedEvent(int maxFeatures) {
    this.features = new Features(maxFeatures);
    reset();
  }

  void reset() {
    label = false;
    model = null;
    version = null;
    id = null;
    idBytes = null;
    hasTime = false;
    timeMillis = 0;
    hasScore = false;
    score = Double.NaN;
    flagged = ABSENT;
    labelValue = ABSENT;
    hasLatency = false;
    latencyMs = Double.NaN;
    error = null;
    hasJoinKey = false;
    features.clear();
  }

  /**
   * Attaches the event's join key, worked out by a sink's {@link EventPreparer} where the line was
   * parsed, so the thread that applies events in order need not hash the id.
   */
  public void attachJoinKey(long key) {
    joinKey = key;
    hasJoinKey = true;
  }

  public boolean hasJoinKey() {
    return hasJoinKey;
  }

  public long joinKey() {
    return joinKey;
  }

  /** True for a ground-truth label event, false for a prediction. */
  public boolean isLabel() {
    return label;
  }

  public String model() {
    return model;
  }

  /** The model version, or null when the line has none. */
  public String version() {
    return version;
  }

  /** The request id, or null. */
  public String id() {
    if (id == null && idBytes != null) {
      id = new String(idBytes, idOffset, idLength, StandardCharsets.UTF_8);
    }
    return id;
  }

  public boolean hasId() {
    return id != null || idBytes != null;
  }

  /**
   * The id as UTF-8 bytes in the line ({@link #idOffset()}, {@link #idLength()}), valid only during
   * {@link EventSink#accept}: the join key is hashed from them without making a String. Null when
   * the event has no id, or when the id is known only as text ({@link #id()}).
   */
  public byte[] idBytes() {
    return idBytes;
  }

  public int idOffset() {
    return idOffset;
  }

  public int idLength() {
    return idLength;
  }

  /** Sets the id to {@code len} bytes of UTF-8 at {@code off}, to be decoded only if asked for. */
  void idBytes(byte[] b, int off, int len) {
    id = null;
    idBytes = b;
    idOffset = off;
    idLength = len;
  }

  /** Sets the id to text. */
  void idText(String text) {
    id = text;
    idBytes = null;
  }

  public boolean hasTime() {
    return hasTime;
  }

  /** Event time in epoch milliseconds; meaningful only when {@link #hasTime()}. */
  public long timeMillis() {
    return timeMillis;
  }

  public boolean hasScore() {
    return hasScore;
  }

  public double score() {
    return score;
  }

  /** 1 flagged, 0 not flagged, {@link #ABSENT} not in the line. */
  public byte flagged() {
    return flagged;
  }

  /** 1 true, 0 false, {@link #ABSENT} not in the line. */
  public byte labelValue() {
    return labelValue;
  }

  public boolean hasLatency() {
    return hasLatency;
  }

  public double latencyMs() {
    return latencyMs;
  }

  /** The error type, or null when the request succeeded. */
  public String error() {
    return error;
  }

  public Features features() {
    return features;
  }

  /**
   * The feature values of one line, as parallel arrays. They start small and grow up to the limit,
   * so the many events a batch of lines needs (see {@link SourceReader}) cost memory in proportion
   * to the features lines really have.
   */
  public static final class Features {
    private static final int INITIAL_CAPACITY = 32;

    private final int capacity;
    private String[] names;
    private ValueKind[] kinds;
    private double[] numbers;
    private String[] strings;
    private int count;
    private int dropped;

    /** Whose resolution {@link #feature} and {@link #info} hold; null when none. */
    private Object resolvedBy;

    private boolean complete;

    private int[] feature = new int[0];
    private int[] info = new int[0];

    Features(int capacity) {
      this.capacity = capacity;
      int initial = Math.min(capacity, INITIAL_CAPACITY);
      names = new String[initial];
      kinds = new ValueKind[initial];
      numbers = new double[initial];
      strings = new String[initial];
    }

    void clear() {
      // Strings of earlier lines stay referenced (they are pooled): string(i) checks the kind.
      count = 0;
      dropped = 0;
      resolvedBy = null;
      complete = false;
    }

    /**
     * Attaches what a sink's {@link EventPreparer} worked out about each value: an index and an int
     * of information, both meaningful only to {@code by}, which {@link #resolvedBy} then returns.
     * Fill every value with {@link #resolve} after this call.
     */
    public void startResolution(Object by) {
      if (feature.length < count) {
        feature = new int[names.length];
        info = new int[names.length];
      }
      resolvedBy = by;
      complete = false;
    }

    /**
     * Marks the resolution complete: every feature {@code by} knows appears exactly once (values it
     * does not know may appear too), so its user need not look for missing or repeated ones.
     */
    public void markComplete() {
      complete = true;
    }

    public boolean isComplete() {
      return complete;
    }

    public void resolve(int i, int featureIndex, int valueInfo) {
      feature[i] = featureIndex;
      info[i] = valueInfo;
    }

    /** Who resolved these values (see {@link #startResolution}), or null. */
    public Object resolvedBy() {
      return resolvedBy;
    }

    public int feature(int i) {
      return feature[i];
    }

    public int info(int i) {
      return info[i];
    }

    /** Returns the slot for a new feature, or -1 (and counts it) when the line has too many. */
    int add(String name, ValueKind kind) {
      if (count == names.length) {
        if (count == capacity) {
          dropped++;
          return -1;
        }
        grow();
      }
      names[count] = name;
      kinds[count] = kind;
      numbers[count] = Double.NaN;
      return count++;
    }

    private void grow() {
      int bigger = (int) Math.min(capacity, 2L * names.length);
      names = Arrays.copyOf(names, bigger);
      kinds = Arrays.copyOf(kinds, bigger);
      numbers = Arrays.copyOf(numbers, bigger);
      strings = Arrays.copyOf(strings, bigger);
    }

    void setNumber(int slot, double value) {
      numbers[slot] = value;
    }

    void setString(int slot, String value) {
      strings[slot] = value;
    }

    public int count() {
      return count;
    }

    /** Features beyond the per-model limit in this line, ignored. */
    public int dropped() {
      return dropped;
    }

    public String name(int i) {
      return names[i];
    }

    public ValueKind kind(int i) {
      return kinds[i];
    }

    /** The number (NUMBER), or 1/0 (BOOLEAN). */
    public double number(int i) {
      return numbers[i];
    }

    /** The text of a STRING value, else null. */
    public String string(int i) {
      return kinds[i] == ValueKind.STRING ? strings[i] : null;
    }
  }
}
