package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.testing.Await;
import io.mlmon.testing.Exposition;
import io.mlmon.testing.Http;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlmon run} as a real process: it serves, follows appends, and SIGTERM exits 0. */
class RunProcessTest {
  @TempDir Path dir;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static Process start(Path config, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--config",
                config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  @Test
  void serves_follows_the_log_and_exits_0_on_sigterm() throws Exception {
    int port = freePort();
    Path config = dir.resolve("mlmon.yml");
    Files.writeString(
        config, "server: {listen: \"127.0.0.1:" + port + "\"}\nsources: [{path: p.jsonl}]\n");
    Path predictions = dir.resolve("p.jsonl");
    Files.writeString(predictions, "{\"model\":\"old\"}\n");
    Path output = dir.resolve("mlmon.log");
    Process process = start(config, output);
    try {
      String url = "http://127.0.0.1:" + port;
      Await.until(
          "ready",
          Duration.ofSeconds(30),
          () -> {
            try {
              return Http.get(url + "/-/ready").statusCode() == 200;
            } catch (RuntimeException e) {
              return false;
            }
          });
      Files.writeString(
          predictions,
          "{\"model\":\"new\",\"flagged\":true}\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      Await.until(
          "the appended line counted",
          Duration.ofSeconds(10),
          () ->
              Double.valueOf(1.0)
                  .equals(
                      Exposition.parse(Http.get(url + "/metrics").body())
                          .get(
                              "mlmon_predictions_flagged_total",
                              "model",
                              "new",
                              "version",
                              "unknown")));
      Exposition metrics = Exposition.parse(Http.get(url + "/metrics").body());
      assertThat(metrics.get("mlmon_predictions_total", "model", "old", "version", "unknown"))
          .as("start_at: end skips what was there")
          .isNull();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
      String log = Files.readString(output);
      assertThat(log).contains("serving http://127.0.0.1:" + port + "/metrics", "stopping");
      assertThat(log).doesNotContain("Exception");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void a_busy_port_is_a_one_line_error() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      Path config = dir.resolve("mlmon.yml");
      Files.writeString(
          config,
          "server: {listen: \"127.0.0.1:"
              + taken.getLocalPort()
              + "\"}\nsources: [{path: p.jsonl}]\n");
      Path output = dir.resolve("mlmon.log");
      Process process = start(config, output);
      try {
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output))
            .contains(
                "mlmon: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address in use")
            .doesNotContain("\tat ");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  static String classpath() {
    return System.getProperty("java.class.path").replace(File.pathSeparatorChar, ':');
  }
}
