package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.ConfigLoader;
import io.mlmon.config.MlmonConfig;
import io.mlmon.metrics.SeriesBound;
import io.mlmon.testing.Exposition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Garbage in the log is counted by reason and never stops ingest or multiplies series. */
class HostileInputTest {
  @TempDir Path dir;

  private Exposition replay(String configYaml) throws IOException {
    Path config = dir.resolve("mlmon.yml");
    Files.writeString(config, configYaml);
    Path out = dir.resolve("out.prom");
    assertThat(Main.execute("replay", "--config", config.toString(), "--output", out.toString()))
        .isZero();
    return Exposition.parse(Files.readString(out));
  }

  private static void line(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  @Test
  void garbage_invalid_utf8_huge_lines_and_wrong_types_are_counted_and_skipped()
      throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    line(log, "{\"model\":\"fraud\",\"flagged\":true}");
    line(log, "\u0000\u0001garbage}}}");
    line(log, "{\"model\":\"fraud\"");
    log.write(
        new byte[] {
          '{', '"', 'm', 'o', 'd', 'e', 'l', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}', '\n'
        });
    line(log, "{\"model\":\"fraud\",\"features\":{\"x\":\"" + "a".repeat(3 << 20) + "\"}}");
    line(log, "{\"model\":\"fraud\",\"latency_ms\":\"fast\"}");
    line(log, "{\"model\":[\"fraud\"]}");
    line(log, "{\"model\":\"fraud\",\"x\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}");
    line(log, "{\"model\":\"fraud\",\"flagged\":false}");
    Files.write(dir.resolve("p.jsonl"), log.toByteArray());

    Exposition e = replay("sources: [{name: p, path: p.jsonl}]\n");
    assertThat(e.get("mlmon_log_lines_total", "source", "p")).isEqualTo(9.0);
    assertThat(e.get("mlmon_log_lines_rejected_total", "source", "p", "reason", "json"))
        .isEqualTo(2.0);
    assertThat(e.get("mlmon_log_lines_rejected_total", "source", "p", "reason", "encoding"))
        .isEqualTo(1.0);
    assertThat(e.get("mlmon_log_lines_rejected_total", "source", "p", "reason", "too_long"))
        .isEqualTo(1.0);
    assertThat(e.get("mlmon_log_lines_rejected_total", "source", "p", "reason", "schema"))
        .isEqualTo(2.0);
    assertThat(e.get("mlmon_log_lines_rejected_total", "source", "p", "reason", "limit"))
        .isEqualTo(1.0);
    assertThat(e.get("mlmon_predictions_total", "model", "fraud", "version", "unknown"))
        .as("the good lines before and after the garbage")
        .isEqualTo(2.0);
    assertThat(e.get("mlmon_predictions_flagged_total", "model", "fraud", "version", "unknown"))
        .isEqualTo(1.0);
  }

  @Test
  void five_thousand_model_names_create_at_most_max_models_plus_one_series() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      log.append("{\"model\":\"m")
          .append(i)
          .append("\",\"version\":\"v")
          .append(i)
          .append("\",\"error\":\"E")
          .append(i)
          .append("\",\"type\":\"prediction\"}\n");
      log.append("{\"model\":\"fraud\",\"version\":\"v")
          .append(i)
          .append("\",\"error\":\"E")
          .append(i)
          .append("\"}\n");
    }
    Files.writeString(dir.resolve("p.jsonl"), log);
    Exposition e =
        replay(
            """
            sources: [{name: p, path: p.jsonl}]
            models: [{name: fraud}]
            limits: {max_models: 20, max_versions_per_model: 4, max_error_types: 5}
            """);
    assertThat(e.labelValues("mlmon_predictions_total", "model"))
        .hasSize(21)
        .contains("fraud", "__other__");
    assertThat(e.series("mlmon_predictions_total").values().stream().mapToDouble(d -> d).sum())
        .isEqualTo(10_000.0);
    assertThat(e.get("mlmon_predictions_total", "model", "__other__", "version", "__other__"))
        .as("folded models fold their versions too once past the limit")
        .isNotNull();
    assertThat(
            e.series("mlmon_predictions_total").keySet().stream()
                .filter(k -> k.contains("model=\"fraud\"")))
        .hasSize(5);
    assertThat(
            e.series("mlmon_prediction_errors_total").keySet().stream()
                .filter(k -> k.contains("model=\"fraud\"")))
        .as("at most (versions + 1) x (error types + 1)")
        .hasSizeLessThanOrEqualTo((4 + 1) * (5 + 1))
        .anyMatch(k -> k.contains("error=\"__other__\""));
    assertThat(e.get("mlmon_cardinality_limited_total", "kind", "model")).isEqualTo(5000.0 - 19);
    assertThat(e.get("mlmon_cardinality_limited_total", "kind", "version")).isGreaterThan(0);
    assertThat(e.get("mlmon_cardinality_limited_total", "kind", "error")).isGreaterThan(0);
  }

  @Test
  void ten_thousand_models_categories_and_error_types_stay_under_the_documented_bound()
      throws Exception {
    StringBuilder reference = new StringBuilder("amount,merchant,score\n");
    for (int i = 0; i < 500; i++) {
      reference
          .append(i % 97)
          .append(",shop")
          .append(i % 60)
          .append(",0.")
          .append(i % 10)
          .append('\n');
    }
    Files.writeString(dir.resolve("reference.csv"), reference);
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      log.append("{\"model\":\"m")
          .append(i)
          .append("\",\"version\":\"v")
          .append(i)
          .append("\",\"error\":\"E")
          .append(i)
          .append("\"}\n");
      log.append("{\"model\":\"fraud\",\"version\":\"v")
          .append(i % 50)
          .append("\",\"error\":\"Err")
          .append(i)
          .append("\",\"features\":{\"amount\":")
          .append(i)
          .append(",\"merchant\":\"new-shop-")
          .append(i)
          .append("\",\"f")
          .append(i)
          .append("\":1}}\n");
    }
    Files.writeString(dir.resolve("p.jsonl"), log);
    String yaml =
        """
        sources: [{name: p, path: p.jsonl}]
        models: [{name: fraud, reference: reference.csv, threshold: 0.5}]
        limits: {max_models: 20, max_versions_per_model: 10, max_error_types: 20,
                 max_categories_per_feature: 50, max_features_per_model: 500}
        """;
    Exposition e = replay(yaml);
    long series = e.samples().keySet().stream().filter(k -> k.startsWith("mlmon_")).count();
    MlmonConfig config = new ConfigLoader().parse(yaml, dir, "mlmon.yml");
    long bound = SeriesBound.of(config).total();
    assertThat(series).as("series %d, bound %d", series, bound).isLessThanOrEqualTo(bound);
    assertThat(e.labelValues("mlmon_predictions_total", "model")).hasSize(21);
    assertThat(
            e.series("mlmon_feature_bin_total").keySet().stream()
                .filter(k -> k.contains("feature=\"merchant\"")))
        .as("60 reference shops, 50 kept, the rest and the 10,000 new ones in __other__")
        .hasSize(51);
    assertThat(e.get("mlmon_cardinality_limited_total", "kind", "category"))
        .as("none of the new shops was folded by the limit: they are unseen, not limited")
        .isZero();
    assertThat(
            e.get("mlmon_feature_unseen_category_total", "model", "fraud", "feature", "merchant"))
        .isEqualTo(10_000.0);
    assertThat(e.labelValues("mlmon_feature_drift_detected", "feature"))
        .as("features outside the reference create no series")
        .containsExactlyInAnyOrder("amount", "merchant");
    assertThat(
            e.series("mlmon_prediction_errors_total").keySet().stream()
                .filter(k -> k.contains("model=\"fraud\""))
                .map(k -> k.replaceAll(".*error=\"([^\"]*)\".*", "$1"))
                .distinct())
        .as("at most max_error_types + __other__ error types per model")
        .hasSize(21)
        .contains("__other__");
  }
}
