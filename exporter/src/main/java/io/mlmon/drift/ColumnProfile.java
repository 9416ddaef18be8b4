package io.mlmon.drift;

import java.util.HashMap;
import java.util.Map;

/**
 * One column while rows are read: numeric until a value that is no number arrives (unless the
 * config fixed its type), then categorical. Turning categorical is exact while every number seen so
 * far is still held; after more than {@link NumericData#SAMPLE_LIMIT} numbers it is not, and the
 * column is marked {@link #lateCategorical()} so that the reader reads the rows again with the
 * column declared categorical.
 */
final class ColumnProfile {
  private final String name;
  private final FeatureType fixed;
  private Reservoir numbers = new Reservoir();
  private Map<String, long[]> categories;
  private long untracked;
  private long invalid;
  private boolean lateCategorical;

  ColumnProfile(String name, FeatureType fixed) {
    this.name = name;
    this.fixed = fixed;
    if (fixed == FeatureType.CATEGORICAL) {
      numbers = null;
      categories = new HashMap<>();
    }
  }

  String name() {
    return name;
  }

  /** The type set by the config, or null when it is inferred. */
  FeatureType fixedType() {
    return fixed;
  }

  boolean isCategorical() {
    return categories != null;
  }

  /** A number; a non-finite one is missing. */
  void number(double v) {
    if (!Double.isFinite(v)) {
      return;
    }
    if (categories != null) {
      category(Categories.canonical(v));
    } else {
      numbers.add(v);
    }
  }

  /** A value that is no number, as category text. */
  void category(String text) {
    if (fixed == FeatureType.NUMERIC) {
      invalid++;
      return;
    }
    if (categories == null) {
      becomeCategorical();
    }
    long[] c = categories.get(text);
    if (c != null) {
      c[0]++;
    } else if (categories.size() < CategoricalData.TRACKED_LIMIT) {
      categories.put(text, new long[] {1});
    } else {
      untracked++;
    }
  }

  /** A value the fixed numeric type cannot take (text, a boolean). */
  void invalid() {
    invalid++;
  }

  private void becomeCategorical() {
    Reservoir held = numbers;
    numbers = null;
    categories = new HashMap<>();
    if (!held.complete()) {
      lateCategorical = true;
      return;
    }
    for (double v : held.values()) {
      category(Categories.canonical(v));
    }
  }

  /** Values that did not fit the fixed numeric type, ignored. */
  long invalidCount() {
    return invalid;
  }

  /** Turned categorical after its numbers had been sampled: the rows must be read again. */
  boolean lateCategorical() {
    return lateCategorical;
  }

  FeatureData toData() {
    if (categories == null) {
      return numbers.toData(name);
    }
    Map<String, Long> counts = new HashMap<>();
    categories.forEach((k, v) -> counts.put(k, v[0]));
    return CategoricalData.of(name, counts, untracked);
  }
}
