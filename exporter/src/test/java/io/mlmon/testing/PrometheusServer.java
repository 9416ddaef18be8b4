package io.mlmon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Prometheus binary on a free loopback port, for end-to-end tests. */
public final class PrometheusServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final Path log;

  private PrometheusServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts Prometheus with {@code config} (YAML) in {@code dir}; waits until it is ready. */
  public static PrometheusServer start(Path dir, String config) throws IOException {
    Files.createDirectories(dir);
    Path file = Files.writeString(dir.resolve("prometheus.yml"), config);
    int port = freePort();
    Path log = dir.resolve("prometheus.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    "prometheus",
                    "--config.file=" + file,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusServer server = new PrometheusServer(p, port, log);
    try {
      Await.until(
          "Prometheus ready",
          Duration.ofSeconds(60),
          () -> {
            try {
              return Http.get(server.url() + "/-/ready").statusCode() == 200;
            } catch (RuntimeException e) {
              return false;
            }
          });
    } catch (AssertionError e) {
      server.close();
      throw new AssertionError(e.getMessage() + "\n" + Files.readString(log), e);
    }
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** An instant query; the API's {@code data.result} array. */
  public JsonNode query(String promql) {
    String body =
        Http.get(url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
            .body();
    try {
      return JSON.readTree(body).path("data").path("result");
    } catch (IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  /** The scrape targets as Prometheus reports them. */
  public JsonNode targets() {
    try {
      return JSON.readTree(Http.get(url() + "/api/v1/targets").body())
          .path("data")
          .path("activeTargets");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
