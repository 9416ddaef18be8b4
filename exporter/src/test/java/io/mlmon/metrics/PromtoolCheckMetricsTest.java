package io.mlmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.cli.Exporter;
import io.mlmon.config.ConfigLoader;
import io.mlmon.testing.Await;
import io.mlmon.testing.Http;
import io.mlmon.testing.TrafficLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prometheus' own linter finds nothing wrong with what the exporter serves. */
class PromtoolCheckMetricsTest {
  @TempDir Path dir;

  static String promtool(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("promtool"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(p.exitValue()).as("promtool %s said:%n%s", args, output).isZero();
    return output;
  }

  @Test
  void promtool_check_metrics_finds_no_problem_in_a_full_exposition() throws Exception {
    TrafficLog log = new TrafficLog(TrafficLog.Layout.DEFAULT, Map.of("fraud", 0.5));
    log.randomTraffic(new Random(3), 2000, List.of("fraud", "churn"));
    log.garbage("nope", "json");
    log.writeTo(dir.resolve("p.jsonl"));
    Files.writeString(
        dir.resolve("mlmon.yml"),
        """
        server: {listen: "127.0.0.1:0"}
        sources: [{name: predictions, path: p.jsonl, start_at: beginning}]
        models: [{name: fraud, threshold: 0.5}]
        """);
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(dir.resolve("mlmon.yml")))) {
      String url = "http://127.0.0.1:" + exporter.port() + "/metrics";
      Await.everyLineRead(exporter, log.lines().size());
      String text = Http.get(url).body();
      assertThat(text).contains("mlmon_outcomes_total", "mlmon_label_delay_seconds_bucket");
      assertThat(promtool(text, "check", "metrics")).isBlank();
    }
  }
}
