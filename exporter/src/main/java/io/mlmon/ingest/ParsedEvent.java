package io.mlmon.ingest;

/**
 * The fields of one log line, filled by {@link EventParser}. One instance is reused for every line
 * of a source (the ingest hot path allocates no event objects and boxes no feature values), so a
 * consumer must copy what it keeps beyond {@link EventSink#accept}.
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
  long timeMillis;
  boolean hasTime;
  double score;
  boolean hasScore;
  byte flagged;
  byte labelValue;
  double latencyMs;
  boolean hasLatency;
  String error;
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
    hasTime = false;
    timeMillis = 0;
    hasScore = false;
    score = Double.NaN;
    flagged = ABSENT;
    labelValue = ABSENT;
    hasLatency = false;
    latencyMs = Double.NaN;
    error = null;
    features.clear();
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
    return id;
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

  /** The feature values of one line, as parallel arrays. */
  public static final class Features {
    private final String[] names;
    private final ValueKind[] kinds;
    private final double[] numbers;
    private final String[] strings;
    private int count;
    private int dropped;

    Features(int capacity) {
      names = new String[capacity];
      kinds = new ValueKind[capacity];
      numbers = new double[capacity];
      strings = new String[capacity];
    }

    void clear() {
      for (int i = 0; i < count; i++) {
        strings[i] = null;
      }
      count = 0;
      dropped = 0;
    }

    /** Returns the slot for a new feature, or -1 (and counts it) when the line has too many. */
    int add(String name, ValueKind kind) {
      if (count == names.length) {
        dropped++;
        return -1;
      }
      names[count] = name;
      kinds[count] = kind;
      numbers[count] = Double.NaN;
      return count++;
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
      return strings[i];
    }
  }
}
