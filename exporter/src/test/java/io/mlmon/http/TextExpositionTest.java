package io.mlmon.http;

import static io.mlmon.http.LandingFixtures.NOW;
import static io.mlmon.http.LandingFixtures.feature;
import static io.mlmon.http.LandingFixtures.ingest;
import static io.mlmon.http.LandingFixtures.model;
import static io.mlmon.http.LandingFixtures.pValueFeature;
import static io.mlmon.http.LandingFixtures.source;
import static io.mlmon.http.LandingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.drift.BinShare;
import io.mlmon.drift.ModelDrift;
import io.mlmon.http.TextExposition.Format;
import io.mlmon.metrics.BuildInfo;
import io.mlmon.metrics.DriftMetrics;
import io.mlmon.metrics.IngestMetrics;
import io.mlmon.metrics.ModelMetrics;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * mlmon's exposition writer against the Prometheus client's own writers, which it must match byte
 * for byte: the real collectors with hostile names, the JVM metrics, and hand-made families of
 * every type and awkward value, over scrapes whose values, label sets and family sizes change (so
 * the caches are exercised and must be invalidated), in both formats and every escaping scheme.
 */
class TextExpositionTest {
  private static final String EVIL = "fr\"a\\u\nd é ✓ {x=\"y\"}";

  private final AtomicReference<IngestSnapshot> ingest = new AtomicReference<>();
  private final AtomicReference<DriftReport> drift = new AtomicReference<>();
  private final HandMade handMade = new HandMade();
  private final PrometheusRegistry registry = new PrometheusRegistry();

  TextExpositionTest() {
    JvmMetrics.builder().register(registry);
    registry.register(new BuildInfo("0.1.0-\"test\""));
    registry.register(new IngestMetrics(ingest::get));
    registry.register(new ModelMetrics(ingest::get));
    registry.register(new DriftMetrics(ingest::get, drift::get));
    registry.register(handMade);
  }

  @Test
  void writes_what_the_client_writes_scrape_after_scrape() throws IOException {
    // One writer for both formats, as /metrics has: the caches one format fills serve the other.
    TextExposition text = new TextExposition();
    ExpositionFormatWriter textOracle = PrometheusTextFormatWriter.create();
    ExpositionFormatWriter openMetricsOracle = OpenMetricsTextFormatWriter.create();
    Random random = new Random(7);
    for (int scrape = 0; scrape < 12; scrape++) {
      step(scrape, random);
      MetricSnapshots snapshots = registry.scrape();
      for (EscapingScheme escaping : EscapingScheme.values()) {
        String why = "scrape " + scrape + ", " + escaping;
        assertThat(written(text, snapshots, escaping, Format.PROMETHEUS_TEXT))
            .as("text, " + why)
            .isEqualTo(oracle(textOracle, snapshots, escaping));
        assertThat(written(text, snapshots, escaping, Format.OPENMETRICS))
            .as("OpenMetrics, " + why)
            .isEqualTo(oracle(openMetricsOracle, snapshots, escaping));
      }
      // Scraped again before anything is published: the collectors hand out the same family
      // snapshots, and the writer copies the text it wrote for each, which must still be right.
      MetricSnapshots again = registry.scrape();
      for (int repeat = 0; repeat < 2; repeat++) {
        String why = "scrape " + scrape + " again, " + repeat;
        assertThat(written(text, again, EscapingScheme.DEFAULT, Format.OPENMETRICS))
            .as("OpenMetrics, " + why)
            .isEqualTo(oracle(openMetricsOracle, again, EscapingScheme.DEFAULT));
        assertThat(written(text, again, EscapingScheme.DEFAULT, Format.PROMETHEUS_TEXT))
            .as("text, " + why)
            .isEqualTo(oracle(textOracle, again, EscapingScheme.DEFAULT));
      }
    }
  }

  @Test
  void writes_every_family_but_the_unusual_ones_itself() throws IOException {
    step(0, new Random(1));
    TextExposition text = new TextExposition();
    written(text, registry.scrape(), EscapingScheme.DEFAULT, Format.PROMETHEUS_TEXT);
    assertThat(text.leftToClient())
        .containsExactlyInAnyOrder(
            "handmade_exemplar",
            "handmade_timestamped",
            "handmade.dotted",
            "handmade_label_dotted",
            "handmade_gauge_histogram",
            "handmade_with_exemplars",
            "handmade_summary",
            "handmade_state",
            "handmade_unknown",
            "jvm_gc_collection_seconds");
    written(text, registry.scrape(), EscapingScheme.DOTS_ESCAPING, Format.OPENMETRICS);
    assertThat(text.leftToClient()).contains("mlmon_feature_bin", "handmade_awkward");
    assertThat(TextExposition.isPlainName("a.b")).isFalse();
    assertThat(TextExposition.isPlainName("9a")).isFalse();
    assertThat(TextExposition.isPlainName("a:b")).isFalse();
    assertThat(TextExposition.isPlainName("")).isFalse();
    assertThat(TextExposition.isPlainName("_a9")).isTrue();
  }

  /** New values every scrape; models, features and versions come and go. */
  private void step(int scrape, Random random) {
    long n = 1000L * scrape + random.nextInt(1000);
    List<io.mlmon.monitor.ModelSnapshot> models = new ArrayList<>();
    models.add(
        model(
            "fraud",
            List.of(version("v1", n, n / 10, 5, 2, 90, 3), version(EVIL, 7, 1, 1, 0, 0, 0)),
            true));
    if (scrape % 3 != 1) {
      models.add(model(EVIL, List.of(version("v2", n * 3, n, 1, 1, 1, 1)), scrape % 2 == 0));
    }
    ingest.set(
        ingest(models, List.of(source("predictions", n, n * 100, n * 120), source(EVIL, 1, 2, 3))));
    List<BinShare> bins =
        List.of(
            new BinShare("00", random.nextDouble(), 0.1 * scrape),
            new BinShare("a\"b", 1.0 / 3, 2.0 / 3));
    drift.set(
        new DriftReport(
            Map.of(
                "fraud",
                new ModelDrift(
                    NOW,
                    2000,
                    scrape % 4 == 3
                        ? List.of(pValueFeature("amount", false))
                        : List.of(
                            feature("merchant", scrape % 2 == 0, bins), pValueFeature(EVIL, true)),
                    Map.of("too_few", 3L),
                    0.5,
                    scrape % 2 == 1,
                    Optional.of(pValueFeature("score", false)))),
            NOW));
    handMade.scrape = scrape;
  }

  /** Families of every type, with the values and names that are awkward to print. */
  private static final class HandMade implements MultiCollector {
    private static final double[] AWKWARD = {
      0,
      -0.0,
      1,
      -1,
      0.1,
      1e-3,
      9.999e-4,
      1e7,
      9_999_999,
      1e7 + 0.5,
      123456.789,
      1e22,
      Long.MAX_VALUE,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -1e7,
      -9_999_999,
      4.35e-7,
      2.5
    };
    int scrape;

    @Override
    public MetricSnapshots collect() {
      List<MetricSnapshot> families = new ArrayList<>();
      GaugeSnapshot.Builder awkward =
          GaugeSnapshot.builder().name("handmade_awkward").help("values \\ and\nnewline ✓");
      for (int i = 0; i < AWKWARD.length; i++) {
        double value = AWKWARD[(i + scrape) % AWKWARD.length];
        awkward.dataPoint(
            GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(Labels.of("i", Integer.toString(i), "v", EVIL))
                .value(value)
                .build());
      }
      families.add(awkward.build());
      families.add(
          CounterSnapshot.builder()
              .name("handmade_bytes")
              .unit(Unit.BYTES)
              .help("with a unit")
              .dataPoint(
                  CounterSnapshot.CounterDataPointSnapshot.builder()
                      .value(scrape * 1e6)
                      .createdTimestampMillis(NOW)
                      .build())
              .build());
      families.add(
          CounterSnapshot.builder()
              .name("handmade_exemplar")
              .dataPoint(
                  CounterSnapshot.CounterDataPointSnapshot.builder()
                      .value(3)
                      .exemplar(
                          Exemplar.builder()
                              .value(1.5)
                              .labels(Labels.of("trace_id", "abc"))
                              .timestampMillis(NOW)
                              .build())
                      .build())
              .build());
      families.add(
          GaugeSnapshot.builder()
              .name("handmade_timestamped")
              .dataPoint(
                  GaugeSnapshot.GaugeDataPointSnapshot.builder()
                      .value(2)
                      .scrapeTimestampMillis(NOW + 7)
                      .build())
              .build());
      for (String name : List.of("handmade.dotted", "handmade_label_dotted")) {
        families.add(
            GaugeSnapshot.builder()
                .name(name)
                .dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(Labels.of("label.dotted", "x"))
                        .value(1)
                        .build())
                .build());
      }
      HistogramSnapshot.Builder histogram =
          HistogramSnapshot.builder().name("handmade_seconds").help("a histogram");
      for (int i = 0; i < 1 + scrape % 3; i++) {
        histogram.dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .labels(Labels.of("model", i == 1 ? EVIL : "m" + i))
                .classicHistogramBuckets(
                    ClassicHistogramBuckets.of(
                        new double[] {0.005, 0.1, 1, 2.5, 1e7, Double.POSITIVE_INFINITY},
                        new long[] {scrape, 2, 0, i, 1, 7}))
                .sum(scrape * 0.37 + i)
                .build());
      }
      histogram.dataPoint(
          HistogramSnapshot.HistogramDataPointSnapshot.builder()
              .labels(Labels.of("model", "count_only"))
              .classicHistogramBuckets(
                  ClassicHistogramBuckets.of(
                      new double[] {1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
              .build());
      families.add(histogram.build());
      families.add(
          HistogramSnapshot.builder()
              .name("handmade_gauge_histogram")
              .gaugeHistogram(true)
              .dataPoint(smallHistogram().build())
              .build());
      families.add(
          HistogramSnapshot.builder()
              .name("handmade_with_exemplars")
              .dataPoint(
                  smallHistogram()
                      .exemplars(
                          Exemplars.of(
                              Exemplar.builder().value(0.5).labels(Labels.of("t", "1")).build()))
                      .build())
              .build());
      families.add(
          SummarySnapshot.builder()
              .name("handmade_summary")
              .dataPoint(
                  SummarySnapshot.SummaryDataPointSnapshot.builder().count(3).sum(1.5).build())
              .build());
      families.add(
          StateSetSnapshot.builder()
              .name("handmade_state")
              .dataPoint(
                  StateSetSnapshot.StateSetDataPointSnapshot.builder()
                      .state("up", scrape % 2 == 0)
                      .state("down", scrape % 2 == 1)
                      .build())
              .build());
      families.add(
          UnknownSnapshot.builder()
              .name("handmade_unknown")
              .dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().value(0.25).build())
              .build());
      families.add(
          InfoSnapshot.builder()
              .name("handmade_build")
              .dataPoint(
                  InfoSnapshot.InfoDataPointSnapshot.builder()
                      .labels(Labels.of("version", EVIL))
                      .build())
              .build());
      families.add(GaugeSnapshot.builder().name("handmade_empty").help("no points").build());
      return new MetricSnapshots(families);
    }
  }

  private static HistogramSnapshot.HistogramDataPointSnapshot.Builder smallHistogram() {
    return HistogramSnapshot.HistogramDataPointSnapshot.builder()
        .classicHistogramBuckets(
            ClassicHistogramBuckets.of(
                new double[] {1, Double.POSITIVE_INFINITY}, new long[] {1, 2}))
        .sum(4);
  }

  private static String oracle(
      ExpositionFormatWriter writer, MetricSnapshots snapshots, EscapingScheme escaping)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, snapshots, escaping);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What {@code text} writes, as {@code /metrics} has it write: into a buffer. */
  private static String written(
      TextExposition text, MetricSnapshots snapshots, EscapingScheme escaping, Format format)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    text.write(snapshots, escaping, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
