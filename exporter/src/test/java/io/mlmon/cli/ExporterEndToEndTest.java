package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlmon.config.ConfigLoader;
import io.mlmon.config.MlmonConfig;
import io.mlmon.testing.Await;
import io.mlmon.testing.Exposition;
import io.mlmon.testing.Http;
import io.mlmon.testing.TrafficLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A generated log with known counts, read by the real exporter: every count on /metrics of a
 * running exporter and in replay output equals what the test computed from the data it wrote.
 */
class ExporterEndToEndTest {
  @TempDir Path dir;

  private static final Pattern STEADY_EXCLUDED =
      Pattern.compile("(# [A-Z]+ )?(jvm_|process_|mlmon_host_|mlmon_checkpoint_)");
  private static final Map<String, Double> THRESHOLDS = Map.of("fraud", 0.5, "churn", 0.3);

  private Path writeConfig(TrafficLog.Layout layout) throws IOException {
    String yaml =
        """
        server: {listen: "127.0.0.1:0"}
        sources:
          - name: predictions
            path: predictions.jsonl
            start_at: beginning
        models:
          - name: fraud
            threshold: 0.5
          - name: churn
            threshold: 0.3
        """
            + (layout == TrafficLog.Layout.NESTED ? TrafficLog.NESTED_FIELDS : "");
    Path config = dir.resolve("mlmon.yml");
    Files.writeString(config, yaml);
    return config;
  }

  private TrafficLog traffic(TrafficLog.Layout layout) {
    TrafficLog log = new TrafficLog(layout, THRESHOLDS);
    log.randomTraffic(new Random(11), 4000, List.of("fraud", "churn", "spam"));
    // The cases the issue names, each at least once, deterministically:
    log.prediction("fraud", "v1", "fixed-1", 0.9, null, 12.0, null) // threshold-derived flag
        .prediction("fraud", "v1", "fixed-2", 0.1, true, 250.0, null) // explicit flag wins
        .prediction("spam", "v9", "fixed-3", 0.99, null, null, null) // no threshold: unknown
        .label("fraud", "fixed-1", false, null, null) // joined -> fp
        .label("fraud", "fixed-1", true, null, null) // duplicate
        .label("fraud", "fixed-2", true, null, null) // joined -> tp
        .label("fraud", "nobody", true, null, null) // unmatched
        .label("fraud", "inl", true, false, "v2") // inline -> fn
        .label("spam", "fixed-3", true, null, null) // joined, no decision: no outcome
        .prediction("churn", null, null, null, null, 0.5, "TimeoutError");
    if (layout == TrafficLog.Layout.DEFAULT) {
      log.garbage("not json at all", "json")
          .garbage("{\"model\":\"fraud\",\"score\":\"high\"}", "schema")
          .garbage("{\"no_model\":true}", "schema")
          .garbage("[1,2,3]", "schema");
    }
    return log;
  }

  private void assertCounts(Exposition scrape, TrafficLog log) {
    for (Map.Entry<String, Double> e : log.expected().entrySet()) {
      if (e.getKey().startsWith("rejected:")) {
        continue;
      }
      assertThat(scrape.samples()).as("series %s", e.getKey()).containsKey(e.getKey());
      assertThat(scrape.samples().get(e.getKey()))
          .as(e.getKey())
          .isCloseTo(e.getValue(), within(1e-6));
    }
    for (String metric :
        List.of(
            "mlmon_predictions_total",
            "mlmon_predictions_flagged_total",
            "mlmon_prediction_errors_total",
            "mlmon_outcomes_total",
            "mlmon_labels_total",
            "mlmon_prediction_latency_seconds_count")) {
      // Nothing beyond what the test expects: every non-zero series is one the log explains.
      scrape
          .series(metric)
          .forEach(
              (k, v) -> {
                if (v != 0) {
                  assertThat(log.expected()).as("unexpected series %s", k).containsKey(k);
                }
              });
    }
    for (String model : List.of("fraud", "churn", "spam")) {
      assertThat(scrape.get("mlmon_labels_pending", "model", model))
          .as("pending " + model)
          .isEqualTo((double) log.pending(model));
    }
    assertThat(scrape.get("mlmon_log_lines_total", "source", "predictions"))
        .isEqualTo((double) log.lines().size());
    assertThat(scrape.get("mlmon_log_bytes_total", "source", "predictions"))
        .isEqualTo((double) log.bytes());
    for (String reason : List.of("json", "schema", "encoding", "too_long", "limit")) {
      assertThat(
              scrape.get(
                  "mlmon_log_lines_rejected_total", "source", "predictions", "reason", reason))
          .as(reason)
          .isEqualTo(log.expected("rejected:" + reason));
    }
  }

  @ParameterizedTest
  @EnumSource(TrafficLog.Layout.class)
  void a_running_exporter_reports_exactly_the_counts_of_the_log(TrafficLog.Layout layout)
      throws Exception {
    Path config = writeConfig(layout);
    TrafficLog log = traffic(layout);
    log.writeTo(dir.resolve("predictions.jsonl"));
    MlmonConfig cfg = new ConfigLoader().load(config);
    try (Exporter exporter = Exporter.start(cfg)) {
      String base = "http://127.0.0.1:" + exporter.port();
      Await.everyLineRead(exporter, log.lines().size());
      Await.until(
          "the final snapshot published",
          Duration.ofSeconds(10),
          () -> {
            Exposition e = Exposition.parse(Http.get(base + "/metrics").body());
            Double lines = e.get("mlmon_log_lines_total", "source", "predictions");
            return lines != null && lines == log.lines().size();
          });
      HttpResponse<String> response = Http.get(base + "/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain; version=0.0.4");
      assertCounts(Exposition.parse(response.body()), log);
      assertThat(response.body()).contains("jvm_memory_used_bytes", "process_cpu_seconds_total");
      assertThat(
              Exposition.parse(response.body())
                  .get(
                      "mlmon_build_info",
                      "version",
                      Version.get(),
                      "java_version",
                      System.getProperty("java.version")))
          .isEqualTo(1.0);
    }
  }

  @ParameterizedTest
  @EnumSource(TrafficLog.Layout.class)
  void replay_prints_exactly_the_counts_of_the_log(TrafficLog.Layout layout) throws Exception {
    Path config = writeConfig(layout);
    TrafficLog log = traffic(layout);
    log.writeTo(dir.resolve("predictions.jsonl"));
    Path out = dir.resolve("metrics.prom");
    assertThat(Main.execute("replay", "--config", config.toString(), "--output", out.toString()))
        .isZero();
    Exposition replay = Exposition.parse(Files.readString(out));
    assertCounts(replay, log);
    assertThat(replay.text()).doesNotContain("jvm_");
  }

  @Test
  void metrics_speak_openmetrics_protobuf_and_gzip_when_asked() throws Exception {
    try (Exporter exporter = startAfterReading(traffic(TrafficLog.Layout.DEFAULT))) {
      String url = "http://127.0.0.1:" + exporter.port() + "/metrics";
      HttpResponse<String> om =
          Http.get(url, "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
      assertThat(om.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/openmetrics-text");
      assertThat(om.body()).contains("# TYPE mlmon_predictions counter").endsWith("# EOF\n");

      HttpResponse<byte[]> proto =
          Http.getBytes(
              url,
              "Accept",
              "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
                  + " encoding=delimited");
      assertThat(proto.headers().firstValue("Content-Type").orElseThrow())
          .contains("application/vnd.google.protobuf");
      assertThat(new String(proto.body(), StandardCharsets.ISO_8859_1))
          .contains("mlmon_predictions_total");

      HttpResponse<byte[]> gz = Http.getBytes(url, "Accept-Encoding", "gzip");
      assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .contains("mlmon_predictions_total{");
      }

      String filtered = Http.get(url + "?name[]=mlmon_labels_pending").body();
      assertThat(Exposition.parse(filtered).samples().keySet())
          .allMatch(k -> k.startsWith("mlmon_labels_pending"))
          .isNotEmpty();
    }
  }

  @Test
  void concurrent_scrapes_each_get_a_whole_body() throws Exception {
    try (Exporter exporter = startAfterReading(traffic(TrafficLog.Layout.DEFAULT))) {
      String url = "http://127.0.0.1:" + exporter.port() + "/metrics";
      String expected = steady(Http.get(url).body());
      // Bodies are written into buffers that scrapes reuse: one handed back too early would show
      // up as a torn, mixed or undecodable body in another scrape.
      ExecutorService scrapers = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          done.add(
              scrapers.submit(
                  () -> {
                    for (int i = 0; i < 25; i++) {
                      HttpResponse<byte[]> gz =
                          Http.getBytes(
                              url,
                              "Accept",
                              "application/openmetrics-text; version=1.0.0",
                              "Accept-Encoding",
                              "gzip");
                      assertThat(gz.headers().firstValueAsLong("Content-Length"))
                          .hasValue(gz.body().length);
                      try (GZIPInputStream in =
                          new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
                        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .contains("mlmon_predictions_total{")
                            .endsWith("# EOF\n");
                      }
                      assertThat(steady(Http.get(url).body())).isEqualTo(expected);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        scrapers.shutdownNow();
      }
    }
  }

  /** An exporter started on {@code log} (written here) once it has read it to the end. */
  private Exporter startAfterReading(TrafficLog log) throws Exception {
    Path config = writeConfig(TrafficLog.Layout.DEFAULT);
    log.writeTo(dir.resolve("predictions.jsonl"));
    Exporter exporter = Exporter.start(new ConfigLoader().load(config));
    try {
      Await.everyLineRead(exporter, log.lines().size());
    } catch (AssertionError e) {
      exporter.close();
      throw e;
    }
    return exporter;
  }

  /**
   * An exposition without the families that move while the log stands still: the JVM's, the host
   * samples and the checkpoints.
   */
  private static String steady(String exposition) {
    StringBuilder out = new StringBuilder();
    for (String line : exposition.split("\n")) {
      if (!STEADY_EXCLUDED.matcher(line).lookingAt()) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void scrapes_succeed_and_only_move_forward_while_a_large_log_is_ingested() throws Exception {
    Path config = writeConfig(TrafficLog.Layout.DEFAULT);
    Path log = dir.resolve("predictions.jsonl");
    Files.writeString(log, "");
    int batches = 10;
    int perBatch = 30_000;
    int lines = batches * perBatch;
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(config))) {
      String url = "http://127.0.0.1:" + exporter.port() + "/metrics";
      double previous = 0;
      int scrapesDuringIngest = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      // The log grows batch by batch, each appended once scrapes have seen the last one read: so
      // scrapes certainly happen while the log is still being ingested, however fast ingest is.
      for (int batch = 0; batch < batches; batch++) {
        StringBuilder big = new StringBuilder();
        for (int i = batch * perBatch; i < (batch + 1) * perBatch; i++) {
          big.append("{\"model\":\"fraud\",\"id\":\"t")
              .append(i)
              .append("\",\"score\":0.")
              .append(i % 10)
              .append(",\"latency_ms\":3,\"features\":{\"amount\":")
              .append(i % 977)
              .append(",\"country\":\"DE\"}}\n");
        }
        Files.writeString(log, big, StandardOpenOption.APPEND);
        double written = (double) (batch + 1) * perBatch;
        while (previous < written && System.nanoTime() < deadline) {
          HttpResponse<String> r = Http.get(url);
          assertThat(r.statusCode()).isEqualTo(200);
          Double seen =
              Exposition.parse(r.body()).get("mlmon_log_lines_total", "source", "predictions");
          double now = seen == null ? 0 : seen;
          assertThat(now).as("counters never go back").isGreaterThanOrEqualTo(previous);
          if (now < lines) {
            scrapesDuringIngest++;
          }
          previous = now;
        }
      }
      assertThat(previous).isEqualTo(lines);
      assertThat(scrapesDuringIngest).as("scrapes answered while ingest was busy").isPositive();
    }
  }

  @Test
  void health_and_readiness_follow_the_sources() throws Exception {
    Path config = writeConfig(TrafficLog.Layout.DEFAULT);
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(config))) {
      String base = "http://127.0.0.1:" + exporter.port();
      assertThat(Http.get(base + "/-/healthy").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = Http.get(base + "/-/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("predictions");
      Files.writeString(dir.resolve("predictions.jsonl"), "");
      Await.until(
          "ready once the log exists",
          Duration.ofSeconds(10),
          () -> Http.get(base + "/-/ready").statusCode() == 200);
      HttpResponse<String> landing = Http.get(base + "/");
      assertThat(landing.statusCode()).isEqualTo(200);
      assertThat(landing.body()).contains("href=\"/metrics\"", "predictions");
    }
  }
}
