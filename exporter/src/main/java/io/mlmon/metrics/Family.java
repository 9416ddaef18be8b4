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
import java.util.List;

/**
 * Builds one metric family from label values and numbers, so collectors read like the metric
 * catalogue. Names are given as exposed (counters with {@code _total}).
 */
abstract sealed class Family permits Family.Counter, Family.Gauge, Family.Histogram {
  final String name;
  final String[] labelNames;
  private Families cache;

  private Family(String name, String[] labelNames) {
    this.name = name;
    this.labelNames = labelNames;
  }

  Labels labels(String... values) {
    if (values.length != labelNames.length) {
      throw new IllegalArgumentException("expected " + labelNames.length + " label values");
    }
    return cache == null ? Labels.of(labelNames, values) : cache.labels(name, labelNames, values);
  }

  /** Takes label sets from {@code families}, which keeps them from scrape to scrape. */
  @SuppressWarnings("unchecked")
  <F extends Family> F cachingIn(Families families) {
    this.cache = families;
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

  static final class Counter extends Family {
    private final CounterSnapshot.Builder builder;
    private final List<CounterDataPointSnapshot> points = new ArrayList<>();

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
      points.add(
          CounterDataPointSnapshot.builder().value(value).labels(labels(labelValues)).build());
      return this;
    }

    @Override
    CounterSnapshot build() {
      for (int i : order(points)) {
        builder.dataPoint(points.get(i));
      }
      return builder.build();
    }
  }

  static final class Gauge extends Family {
    private final GaugeSnapshot.Builder builder;
    private final List<GaugeDataPointSnapshot> points = new ArrayList<>();

    private Gauge(String name, String help, String[] labelNames) {
      super(name, labelNames);
      builder = GaugeSnapshot.builder().name(name).help(help);
      Unit unit = unitOf(name);
      if (unit != null) {
        builder.unit(unit);
      }
    }

    Gauge add(double value, String... labelValues) {
      points.add(GaugeDataPointSnapshot.builder().value(value).labels(labels(labelValues)).build());
      return this;
    }

    @Override
    GaugeSnapshot build() {
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
      for (int i : order(points)) {
        builder.dataPoint(points.get(i));
      }
      return builder.build();
    }
  }
}
