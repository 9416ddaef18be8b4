package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlmon.config.ConfigLoader;
import io.mlmon.testing.Await;
import io.mlmon.testing.Exposition;
import io.mlmon.testing.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift on a running exporter: series appear once the window holds min_samples values, the dataset
 * drifts when the traffic shifts, and data quality is counted exactly.
 */
class DriftEndToEndTest {
  @TempDir Path dir;
  private final Random random = new Random(5);

  private void writeReference(int rows) throws IOException {
    StringBuilder csv = new StringBuilder("amount,country,channel,score\n");
    for (int i = 0; i < rows; i++) {
      csv.append(String.format(Locale.ROOT, "%.4f", 50 + 10 * random.nextGaussian()))
          .append(',')
          .append(random.nextInt(4) == 0 ? "FR" : "DE")
          .append(',')
          .append(random.nextBoolean() ? "web" : "app")
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", random.nextDouble()))
          .append('\n');
    }
    Files.writeString(dir.resolve("reference.csv"), csv);
  }

  private void appendTraffic(int n, double shift, String country) throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < n; i++) {
      log.append(
          String.format(
              Locale.ROOT,
              "{\"model\":\"fraud\",\"features\":{\"amount\":%.4f,\"country\":\"%s\","
                  + "\"channel\":\"%s\"},\"score\":%.4f}\n",
              50 + shift + 10 * random.nextGaussian(),
              country != null ? country : (random.nextInt(4) == 0 ? "FR" : "DE"),
              random.nextBoolean() ? "web" : "app",
              Math.min(1, random.nextDouble() + shift / 100)));
    }
    Files.writeString(
        dir.resolve("p.jsonl"),
        log,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private Path config() throws IOException {
    return Files.writeString(
        dir.resolve("mlmon.yml"),
        """
        server: {listen: "127.0.0.1:0"}
        sources: [{name: p, path: p.jsonl, start_at: beginning}]
        models: [{name: fraud, reference: reference.csv, threshold: 0.5}]
        drift: {interval: 200ms, window: {max_samples: 1000, max_age: 1h}, min_samples: 300}
        """);
  }

  @Test
  void drift_series_appear_after_min_samples_and_the_dataset_drifts_when_traffic_shifts()
      throws Exception {
    writeReference(5000);
    appendTraffic(100, 0, null);
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(config()))) {
      String url = "http://127.0.0.1:" + exporter.port();
      Await.until(
          "100 events in the window",
          Duration.ofSeconds(20),
          () ->
              Double.valueOf(100)
                  .equals(scrape(url).get("mlmon_drift_window_samples", "model", "fraud")));
      Exposition early = scrape(url);
      assertThat(early.series("mlmon_feature_drift_score"))
          .as("below min_samples: no series")
          .isEmpty();
      assertThat(early.get("mlmon_dataset_drift_detected", "model", "fraud")).isNull();
      assertThat(early.get("mlmon_reference_flag_ratio", "model", "fraud")).isBetween(0.45, 0.55);
      assertThat(early.series("mlmon_feature_reference_ratio")).hasSize(10 + 3 + 3);

      appendTraffic(900, 0, null);
      Await.until(
          "drift computed over the full window",
          Duration.ofSeconds(20),
          () ->
              Double.valueOf(1000)
                      .equals(scrape(url).get("mlmon_drift_window_samples", "model", "fraud"))
                  && scrape(url).get("mlmon_dataset_drift_detected", "model", "fraud") != null);
      Exposition calm = scrape(url);
      assertThat(calm.get("mlmon_dataset_drift_detected", "model", "fraud")).isEqualTo(0.0);
      assertThat(calm.series("mlmon_feature_drift_score"))
          .containsKeys(
              Exposition.key(
                  "mlmon_feature_drift_score",
                  "model",
                  "fraud",
                  "feature",
                  "amount",
                  "method",
                  "psi"),
              Exposition.key(
                  "mlmon_feature_drift_score",
                  "model",
                  "fraud",
                  "feature",
                  "amount",
                  "method",
                  "ks"),
              Exposition.key(
                  "mlmon_feature_drift_score",
                  "model",
                  "fraud",
                  "feature",
                  "country",
                  "method",
                  "jensen_shannon"));
      assertThat(
              calm.get(
                  "mlmon_feature_drift_p_value",
                  "model",
                  "fraud",
                  "feature",
                  "amount",
                  "method",
                  "ks"))
          .isGreaterThan(0.001);

      appendTraffic(1000, 25, "US"); // amount +2.5 sd, every card foreign
      Await.until(
          "dataset drift detected",
          Duration.ofSeconds(20),
          () ->
              Double.valueOf(1.0)
                  .equals(scrape(url).get("mlmon_dataset_drift_detected", "model", "fraud")));
      Exposition drifted = scrape(url);
      assertThat(drifted.get("mlmon_feature_drift_detected", "model", "fraud", "feature", "amount"))
          .isEqualTo(1.0);
      assertThat(
              drifted.get("mlmon_feature_drift_detected", "model", "fraud", "feature", "country"))
          .isEqualTo(1.0);
      assertThat(
              drifted.get("mlmon_feature_drift_detected", "model", "fraud", "feature", "channel"))
          .isEqualTo(0.0);
      assertThat(drifted.get("mlmon_dataset_drift_share", "model", "fraud"))
          .isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(
              drifted.get(
                  "mlmon_feature_unseen_category_total", "model", "fraud", "feature", "country"))
          .isEqualTo(1000.0);
      assertThat(
              drifted.get(
                  "mlmon_feature_bin_total",
                  "model",
                  "fraud",
                  "feature",
                  "country",
                  "bin",
                  "__other__"))
          .isEqualTo(1000.0);

      JsonNode api = new ObjectMapper().readTree(Http.get(url + "/api/v1/drift").body());
      JsonNode fraud = api.path("models").path("fraud");
      assertThat(fraud.path("window_samples").asInt()).isEqualTo(1000);
      assertThat(fraud.path("dataset_drift").path("detected").asBoolean()).isTrue();
      assertThat(fraud.path("features").get(0).path("name").asText()).isEqualTo("amount");
      assertThat(fraud.path("features").get(0).path("bins")).hasSize(10);
      assertThat(fraud.path("prediction_drift").path("scores").has("psi")).isTrue();
    }
  }

  private static Exposition scrape(String url) {
    return Exposition.parse(Http.get(url + "/metrics").body());
  }

  @Test
  void data_quality_is_counted_per_feature() throws Exception {
    writeReference(2000);
    Files.writeString(
        dir.resolve("p.jsonl"),
        String.join(
                "\n",
                "{\"model\":\"fraud\",\"features\":{\"amount\":50,\"country\":\"DE\",\"channel\":\"web\"}}",
                "{\"model\":\"fraud\",\"features\":{\"amount\":null,\"country\":\"DE\"}}",
                "{\"model\":\"fraud\",\"features\":{\"amount\":\"50\",\"country\":7,\"channel\":[1]}}",
                "{\"model\":\"fraud\",\"features\":{\"amount\":1e400,\"country\":\"ZZ\",\"channel\":\"\"}}",
                "{\"model\":\"fraud\",\"features\":{\"amount\":1000000,\"country\":\"FR\",\"channel\":true}}",
                "{\"model\":\"fraud\"}")
            + "\n");
    Path out = dir.resolve("out.prom");
    assertThat(Main.execute("replay", "--config", config().toString(), "--output", out.toString()))
        .isZero();
    Exposition e = Exposition.parse(Files.readString(out));
    assertThat(e.get("mlmon_feature_missing_total", "model", "fraud", "feature", "amount"))
        .isEqualTo(2.0);
    assertThat(e.get("mlmon_feature_missing_total", "model", "fraud", "feature", "channel"))
        .isEqualTo(3.0);
    assertThat(e.get("mlmon_feature_missing_total", "model", "fraud", "feature", "country"))
        .isEqualTo(1.0);
    assertThat(
            e.get(
                "mlmon_feature_invalid_total",
                "model",
                "fraud",
                "feature",
                "amount",
                "reason",
                "type"))
        .isEqualTo(1.0);
    assertThat(
            e.get(
                "mlmon_feature_invalid_total",
                "model",
                "fraud",
                "feature",
                "amount",
                "reason",
                "non_finite"))
        .isEqualTo(1.0);
    assertThat(
            e.get(
                "mlmon_feature_invalid_total",
                "model",
                "fraud",
                "feature",
                "channel",
                "reason",
                "type"))
        .isEqualTo(1.0);
    assertThat(e.get("mlmon_feature_out_of_range_total", "model", "fraud", "feature", "amount"))
        .isEqualTo(1.0);
    assertThat(e.get("mlmon_feature_unseen_category_total", "model", "fraud", "feature", "country"))
        .as("7 and ZZ were never in the reference")
        .isEqualTo(2.0);
    assertThat(e.get("mlmon_feature_unseen_category_total", "model", "fraud", "feature", "channel"))
        .as("true was never in the reference")
        .isEqualTo(1.0);
    assertThat(e.get("mlmon_predictions_total", "model", "fraud", "version", "unknown"))
        .isEqualTo(6.0);
  }

  @Test
  void a_broken_reference_is_a_one_line_config_error() throws Exception {
    Files.writeString(dir.resolve("reference.csv"), "amount,country\n1,DE\n\"unterminated,FR\n");
    Files.writeString(dir.resolve("p.jsonl"), "");
    assertThat(Main.execute("check-config", "--config", config().toString())).isEqualTo(2);
  }
}
