package io.mlmon.metrics;

import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the metric families of one collector, reusing each label set from one scrape to the next. A
 * model with hundreds of features has tens of thousands of series, and building their {@link
 * Labels} (copied, name-checked, sorted) was half the cost of a scrape; the label values of a
 * series do not change between scrapes, so they are built once. Safe for concurrent scrapes;
 * bounded (label values from the log are capped, and the cache starts over if it ever holds more
 * than {@link #MAX_ENTRIES}).
 *
 * <p>A snapshot sorts its data points by labels; sorting was the other half. The series of a family
 * come in the same order every scrape, so their sorted order is kept too, and data points reach the
 * snapshot already sorted, which its sort checks in one pass.
 */
final class Families {
  static final int MAX_ENTRIES = 200_000;

  private final ConcurrentHashMap<Key, Labels> labels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Order> orders = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Positions> positions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Built> built = new ConcurrentHashMap<>();

  /** A family's last snapshot and the label sets and values it was built from. */
  record Built(MetricSnapshot snapshot, Labels[] labels, double[] values) {
    /** Whether {@code labelsNow} (the same instances) and {@code valuesNow} built this snapshot. */
    boolean isOf(Labels[] labelsNow, double[] valuesNow) {
      if (labelsNow.length != labels.length) {
        return false;
      }
      for (int i = 0; i < labels.length; i++) {
        if (labelsNow[i] != labels[i]
            || Double.doubleToRawLongBits(valuesNow[i]) != Double.doubleToRawLongBits(values[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * A family's label values and label sets at the last scrape, by position. A collector passes the
   * same String instances for a series every scrape, in the same order, so comparing references at
   * the same position finds the label set without hashing: a map lookup per series cost more than a
   * third of a scrape, its entries being cache misses.
   */
  record Positions(String[][] values, Labels[] labels) {
    static final Positions NONE = new Positions(new String[0][], new Labels[0]);

    /**
     * The label set at {@code position} if it was made from the same value instances, else null.
     */
    Labels same(int position, String[] valuesNow) {
      if (position >= labels.length) {
        return null;
      }
      String[] before = values[position];
      if (before.length != valuesNow.length) {
        return null;
      }
      for (int i = 0; i < before.length; i++) {
        if (before[i] != valuesNow[i]) {
          return null;
        }
      }
      return labels[position];
    }
  }

  /** The label sets of a family's points in the order they came, and the order that sorts them. */
  private record Order(Labels[] came, int[] sorted) {
    boolean matches(List<? extends DataPointSnapshot> points) {
      if (points.size() != came.length) {
        return false;
      }
      for (int i = 0; i < came.length; i++) {
        if (points.get(i).getLabels() != came[i]) {
          return false;
        }
      }
      return true;
    }
  }

  Family.Counter counter(String name, String help, String... labelNames) {
    return Family.counter(name, help, labelNames).cachingIn(this);
  }

  Family.Gauge gauge(String name, String help, String... labelNames) {
    return Family.gauge(name, help, labelNames).cachingIn(this);
  }

  Family.Histogram histogram(String name, String help, String... labelNames) {
    return Family.histogram(name, help, labelNames).cachingIn(this);
  }

  Labels labels(String family, String[] names, String[] values) {
    Key key = new Key(family, values);
    Labels cached = labels.get(key);
    if (cached != null) {
      return cached;
    }
    if (labels.size() >= MAX_ENTRIES) {
      labels.clear();
    }
    Labels made = Labels.of(names, values);
    labels.put(key, made);
    return made;
  }

  Positions positions(String family) {
    return positions.getOrDefault(family, Positions.NONE);
  }

  void remember(String family, Positions now) {
    positions.put(family, now);
  }

  Built built(String family) {
    return built.get(family);
  }

  void remember(String family, Built now) {
    built.put(family, now);
  }

  /** The permutation of {@code points} that sorts them by labels (see the class comment). */
  int[] order(String family, List<? extends DataPointSnapshot> points) {
    Order last = orders.get(family);
    if (last != null && last.matches(points)) {
      return last.sorted;
    }
    Labels[] came = new Labels[points.size()];
    Integer[] index = new Integer[came.length];
    for (int i = 0; i < came.length; i++) {
      came[i] = points.get(i).getLabels();
      index[i] = i;
    }
    Arrays.sort(index, (a, b) -> came[a].compareTo(came[b]));
    int[] sorted = new int[came.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = index[i];
    }
    orders.put(family, new Order(came, sorted));
    return sorted;
  }

  /** A family's name and the values of one of its label sets (the names follow from the family). */
  private static final class Key {
    private final String family;
    private final String[] values;
    private final int hash;

    Key(String family, String[] values) {
      this.family = family;
      this.values = values;
      // Not Arrays.hashCode: with its multiplier 31, label sets like (model-0, f27, 03) and
      // (model-1, f17, 03) collide exactly, and a 5 × 100-feature scrape compared 3.5 keys per
      // lookup. A large odd multiplier and a final mix leave 5,000 such sets with 5,000 hashes.
      int h = family.hashCode();
      for (String value : values) {
        h = h * 0x9E3779B9 + value.hashCode();
      }
      h ^= h >>> 16;
      h *= 0x85EBCA6B;
      this.hash = h ^ (h >>> 13);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.hash == hash
          && k.family.equals(family)
          && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
