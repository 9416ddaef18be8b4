package io.mlmon.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical feature of the reference: the count of each category. At most {@link
 * #TRACKED_LIMIT} distinct categories are tracked, in order of first appearance; values of further
 * categories are only counted as {@link #untracked()} (they fall into {@code __other__}, and make
 * {@link ReferenceFeature#isUnseenCategory} unable to tell unseen values, so it then answers
 * false).
 */
public final class CategoricalData implements FeatureData {
  /** At most this many distinct categories of a feature are tracked. */
  public static final int TRACKED_LIMIT = 10_000;

  private final String name;
  private final Map<String, Long> counts;
  private final long untracked;
  private final long count;

  private CategoricalData(String name, Map<String, Long> counts, long untracked, long count) {
    this.name = name;
    this.counts = counts;
    this.untracked = untracked;
    this.count = count;
  }

  /**
   * A categorical feature from its category counts (positive) and the count of values of untracked
   * categories.
   */
  public static CategoricalData of(String name, Map<String, Long> counts, long untracked) {
    if (name == null) {
      throw new IllegalArgumentException("feature name is required");
    }
    if (counts.size() > TRACKED_LIMIT || untracked < 0) {
      throw new IllegalArgumentException(
          "feature \"" + name + "\": more than " + TRACKED_LIMIT + " categories");
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    long total = untracked;
    for (Map.Entry<String, Long> e : entries) {
      if (e.getKey() == null || e.getValue() == null || e.getValue() <= 0) {
        throw new IllegalArgumentException(
            "feature \"" + name + "\": category counts must be positive");
      }
      total += e.getValue();
    }
    entries.sort(ReferenceFeature.BY_COUNT_THEN_NAME);
    Map<String, Long> sorted = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : entries) {
      sorted.put(e.getKey(), e.getValue());
    }
    return new CategoricalData(name, Collections.unmodifiableMap(sorted), untracked, total);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return FeatureType.CATEGORICAL;
  }

  @Override
  public long count() {
    return count;
  }

  /** Category → count, most frequent first (ties by name); unmodifiable. */
  public Map<String, Long> counts() {
    return counts;
  }

  /** Values whose category was not tracked (beyond {@link #TRACKED_LIMIT} distinct ones). */
  public long untracked() {
    return untracked;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CategoricalData d
        && name.equals(d.name)
        && untracked == d.untracked
        && counts.equals(d.counts);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + counts.hashCode();
  }

  @Override
  public String toString() {
    return "CategoricalData[" + name + ", count=" + count + ", categories=" + counts.size() + "]";
  }
}
