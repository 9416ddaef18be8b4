package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts lose nothing: read positions and pending labels survive in state_dir. */
class RestartTest {
  @TempDir Path dir;

  private Path config(int port, String stateDir) throws IOException {
    Path config = dir.resolve("mlmon.yml");
    Files.writeString(
        config,
        "server: {listen: \"127.0.0.1:"
            + port
            + "\"}\nstate_dir: "
            + stateDir
            + "\nsources: [{name: p, path: p.jsonl, start_at: beginning}]\n"
            + "models: [{name: fraud, threshold: 0.5}]\n");
    return config;
  }

  private void append(int from, int count) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      b.append("{\"model\":\"fraud\",\"id\":\"t").append(i).append("\",\"score\":0.9}\n");
    }
    append(b.toString());
  }

  private void append(String text) throws IOException {
    Files.writeString(
        dir.resolve("p.jsonl"),
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static Exposition scrape(int port) {
    return Exposition.parse(Http.get("http://127.0.0.1:" + port + "/metrics").body());
  }

  private static double predictions(Exposition e) {
    Double v = e.get("mlmon_predictions_total", "model", "fraud", "version", "unknown");
    return v == null ? 0 : v;
  }

  private static void awaitPredictions(int port, double expected) {
    Await.until(
        expected + " predictions counted",
        Duration.ofSeconds(30),
        () -> predictions(scrape(port)) == expected);
  }

  @Test
  void a_graceful_restart_neither_loses_nor_recounts_a_line_and_labels_still_join()
      throws Exception {
    append(0, 300);
    append("{\"model\":\"fraud\",\"id\":\"partial\",\"sco"); // a line still being written
    var cfg = new ConfigLoader().load(config(0, "state"));
    try (Exporter first = Exporter.start(cfg)) {
      awaitPredictions(first.port(), 300);
    }
    assertThat(Files.exists(dir.resolve("state/checkpoint"))).isTrue();
    append("re\":0.1}\n");
    append(300, 200);
    append("{\"type\":\"label\",\"model\":\"fraud\",\"id\":\"t7\",\"label\":false}\n");
    try (Exporter second = Exporter.start(cfg)) {
      awaitPredictions(second.port(), 201);
      Await.until(
          "the label read",
          Duration.ofSeconds(10),
          () ->
              scrape(second.port()).get("mlmon_labels_total", "model", "fraud", "result", "joined")
                  == 1.0);
      Exposition e = scrape(second.port());
      assertThat(predictions(e))
          .as("exactly the new lines, the completed partial one included")
          .isEqualTo(201);
      assertThat(
              e.get(
                  "mlmon_outcomes_total", "model", "fraud", "version", "unknown", "outcome", "fp"))
          .as("the label joined its prediction from before the restart")
          .isEqualTo(1.0);
      assertThat(e.get("mlmon_labels_pending", "model", "fraud")).isEqualTo(300.0 + 201 - 1);
      assertThat(e.get("mlmon_checkpoint_load_failures_total")).isEqualTo(0.0);
    }
  }

  @Test
  void a_crash_loses_nothing_and_recounts_at_most_the_lines_since_the_last_checkpoint()
      throws Exception {
    int port = RunProcessTest.freePort();
    Path config = config(port, "state");
    append(0, 1000);
    Process first = RunProcessTest.start(config, dir.resolve("first.log"));
    try {
      Await.until(
          "1000 read and checkpointed",
          Duration.ofSeconds(60),
          () -> {
            try {
              Exposition e = scrape(port);
              Double writes = e.get("mlmon_checkpoint_writes_total", "result", "success");
              return predictions(e) == 1000 && writes != null && writes >= 1;
            } catch (RuntimeException ex) {
              return false;
            }
          });
      append(1000, 50); // read, maybe not checkpointed before the crash
      Await.until("1050 read", Duration.ofSeconds(30), () -> predictions(scrape(port)) == 1050);
    } finally {
      first.destroyForcibly(); // kill -9: no shutdown hook, no final checkpoint
      first.waitFor(10, TimeUnit.SECONDS);
    }
    append(1050, 100);
    Process second = RunProcessTest.start(config, dir.resolve("second.log"));
    try {
      Await.until(
          "the new lines read",
          Duration.ofSeconds(60),
          () -> {
            try {
              return predictions(scrape(port)) >= 100
                  && scrape(port).get("mlmon_log_offset_bytes", "source", "p")
                      == (double) Files.size(dir.resolve("p.jsonl"));
            } catch (RuntimeException | IOException ex) {
              return false;
            }
          });
      double recounted = predictions(scrape(port)) - 100;
      assertThat(recounted).as("lines read again after the crash").isBetween(0.0, 50.0);
    } finally {
      second.destroy();
      assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isZero();
    }
  }

  @Test
  void a_corrupt_checkpoint_is_reported_and_ignored() throws Exception {
    Files.createDirectories(dir.resolve("state"));
    Files.writeString(dir.resolve("state/checkpoint"), "garbage that is no checkpoint at all");
    append(0, 10);
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(config(0, "state")))) {
      awaitPredictions(exporter.port(), 10);
      assertThat(scrape(exporter.port()).get("mlmon_checkpoint_load_failures_total"))
          .isEqualTo(1.0);
    }
  }

  @Test
  void an_unwritable_state_dir_is_counted_and_ingest_goes_on() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file where the state dir should be");
    append(0, 10);
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(config(0, "blocker/state")))) {
      awaitPredictions(exporter.port(), 10);
      Await.until(
          "a failed checkpoint counted",
          Duration.ofSeconds(20),
          () -> {
            Double failed =
                scrape(exporter.port()).get("mlmon_checkpoint_writes_total", "result", "failure");
            return failed != null && failed >= 1;
          });
      append(10, 5);
      awaitPredictions(exporter.port(), 15);
    }
  }
}
