package io.mlmon.metrics;

import io.mlmon.monitor.HistogramData;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one metric family from label values and numbers, so collectors read like the metric
 * catalogue. Names are given as exposed (counters with {@code _total}).
 */
abstract sealed class Family permits Family.Numbers, Family.Histogram {
  final String name;
  final String[] labelNames;
  private Families cache;
  private Families.Positions before = Families.Positions.NONE;
  private final List<String[]> valuesMade = new ArrayList<>();
  private final List<Labels> labelsMade = new ArrayList<>();

  private Family(String name, String[] labelNames) {
    this.name = name;
    this.labelNames = labelNames;
  }

  Labels labels(String... values) {
    if (values.length != labelNames.length) {
      throw new IllegalArgumentException("expected " + labelNames.length + " label values");
    }
    if (cache == null) {
      return Labels.of(labelNames, values);
    }
    Labels labels = before.same(labelsMade.size(), values);
    if (labels == null) {
      labels = cache.labels(name, labelNames, values);
    }
    valuesMade.add(values);
    labelsMade.add(labels);
    return labels;
  }

  /** Takes label sets from {@code families}, which keeps them from scrape to scrape. */
  @SuppressWarnings("unchecked")
  <F extends Family> F cachingIn(Families families) {
    this.cache = families;
    this.before = families.positions(name);
    return (F) this;
  }

  abstract MetricSnapshot build();

  /**
   * The order to hand {@code points} to a snapshot builder in: sorted by labels when label sets are
   * cached (the snapshot sorts them again, which is cheap on sorted input), else as given.
   */
  int[] order(List<? extends DataPointSnapshot> points) {
    if (cache != null) {
      return cache.order(name, points);
    }
    int[] identity = new int[points.size()];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return identity;
  }

  /** Keeps this scrape's label sets for the next; called once, when the family is built. */
  void rememberLabels() {
    if (cache != null) {
      cache.remember(
          name,
          new Families.Positions(
              valuesMade.toArray(new String[0][]), labelsMade.toArray(new Labels[0])));
    }
  }

  private static Unit unitOf(String name) {
    if (name.endsWith("_seconds") || name.endsWith("_seconds_total")) {
      return Unit.SECONDS;
    }
    if (name.endsWith("_bytes") || name.endsWith("_bytes_total")) {
      return Unit.BYTES;
    }
    if (name.endsWith("_ratio")) {
      return Unit.RATIO;
    }
    return null;
  }

  static Counter counter(String name, String help, String... labelNames) {
    return new Counter(name, help, labelNames);
  }

  static Gauge gauge(String name, String help, String... labelNames) {
    return new Gauge(name, help, labelNames);
  }

  static Histogram histogram(String name, String help, String... labelNames) {
    return new Histogram(name, help, labelNames);
  }

  /**
   * A family of one number per label set. When every series has the same label set and value as at
   * the last scrape (a reference's bin shares never change; most data-quality counters rarely do),
   * the last snapshot is handed out again: building and sorting thousands of data points was most
   * of a scrape.
   */
  abstract static sealed class Numbers<S extends MetricSnapshot> extends Family
      permits Counter, Gauge {
    private final List<Labels> pointLabels = new ArrayList<>();
    private double[] values = new double[16];
    private int count;

    private Numbers(String name, String[] labelNames) {
      super(name, labelNames);
    }

    final void point(double value, String[] labelValues) {
      Labels labels = labels(labelValues);
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = value;
      pointLabels.add(labels);
    }

    @Override
    @SuppressWarnings("unchecked")
    final S build() {
      rememberLabels();
      Labels[] labels = pointLabels.toArray(new Labels[0]);
      double[] exact = Arrays.copyOf(values, count);
      Families.Built last = super.cache == null ? null : super.cache.built(name);
      if (last != null && last.isOf(labels, exact)) {
        return (S) last.snapshot();
      }
      S snapshot = make(labels, exact);
      if (super.cache != null) {
        super.cache.remember(name, new Families.Built(snapshot, labels, exact));
      }
      return snapshot;
    }

    abstract S make(Labels[] labels, double[] values);
  }

  static final class Counter extends Numbers<CounterSnapshot> {
    private final CounterSnapshot.Builder builder;

    private Counter(String name, String help, String[] labelNames) {
      super(name, labelNames);
      if (!name.endsWith("_total")) {
        throw new IllegalArgumentException("a counter's name ends in _total: " + name);
      }
      builder = CounterSnapshot.builder().name(name.substring(0, name.length() - 6)).help(help);
      Unit unit = unitOf(name);
      if (unit != null) {
        builder.unit(unit);
      }
    }

    Counter add(double value, String... labelValues) {
      point(value, labelValues);
      return this;
    }

    @Override
    CounterSnapshot make(Labels[] labels, double[] values) {
      List<CounterDataPointSnapshot> points = new ArrayList<>(labels.length);
      for (int i = 0; i < labels.length; i++) {
        points.add(new CounterDataPointSnapshot(values[i], labels[i], null, 0));
      }
      for (int i : order(points)) {
        builder.dataPoint(points.get(i));
      }
      return builder.build();
    }
  }

  static final class Gauge extends Numbers<GaugeSnapshot> {
    private final GaugeSnapshot.Builder builder;

    private Gauge(String name, String help, String[] labelNames) {
      super(name, labelNames);
      builder = GaugeSnapshot.builder().name(name).help(help);
      Unit unit = unitOf(name);
      if (unit != null) {
        builder.unit(unit);
      }
    }

    Gauge add(double value, String... labelValues) {
      point(value, labelValues);
      return this;
    }

    @Override
    GaugeSnapshot make(Labels[] labels, double[] values) {
      List<GaugeDataPointSnapshot> points = new ArrayList<>(labels.length);
      for (int i = 0; i < labels.length; i++) {
        points.add(new GaugeDataPointSnapshot(values[i], labels[i], null));
      }
      for (int i : order(points)) {
        builder.dataPoint(points.get(i));
      }
      return builder.build();
    }
  }

  static final class Histogram extends Family {
    private final HistogramSnapshot.Builder builder;
    private final List<HistogramDataPointSnapshot> points = new ArrayList<>();

    private Histogram(String name, String help, String[] labelNames) {
      super(name, labelNames);
      builder = HistogramSnapshot.builder().name(name).help(help);
      Unit unit = unitOf(name);
      if (unit != null) {
        builder.unit(unit);
      }
    }

    Histogram add(HistogramData data, String... labelValues) {
      List<Double> bounds = data.upperBounds();
      double[] upper = new double[bounds.size() + 1];
      long[] counts = new long[upper.length];
      for (int i = 0; i < bounds.size(); i++) {
        upper[i] = bounds.get(i);
      }
      upper[bounds.size()] = Double.POSITIVE_INFINITY;
      for (int i = 0; i < counts.length; i++) {
        counts[i] = data.counts().get(i);
      }
      points.add(
          HistogramDataPointSnapshot.builder()
              .classicHistogramBuckets(ClassicHistogramBuckets.of(upper, counts))
              .sum(data.sum())
              .labels(labels(labelValues))
              .build());
      return this;
    }

    @Override
    HistogramSnapshot build() {
      rememberLabels();
      for (int i : order(points)) {
        builder.dataPoint(points.get(i));
      }
      return builder.build();
    }
  }
}
