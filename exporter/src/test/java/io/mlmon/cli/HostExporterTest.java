package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mlmon.config.ConfigLoader;
import io.mlmon.testing.Await;
import io.mlmon.testing.Exposition;
import io.mlmon.testing.Http;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlmon run} samples the host, follows the serving process and probes its health. */
class HostExporterTest {
  @TempDir Path dir;

  @Test
  void metrics_carry_host_process_and_probe_series_of_the_running_exporter() throws Exception {
    HttpServer health =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    health.createContext(
        "/health",
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    health.start();
    Files.writeString(dir.resolve("self.pid"), ProcessHandle.current().pid() + "\n");
    Files.writeString(
        dir.resolve("mlmon.yml"),
        """
        server: {listen: "127.0.0.1:0"}
        sources: [{name: predictions, path: p.jsonl}]
        host:
          interval: 1s
          processes: [{name: model-server, pid_file: self.pid}]
          probes: [{target: model-server, url: "http://127.0.0.1:%d/health", interval: 1s}]
        """
            .formatted(health.getAddress().getPort()));
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(dir.resolve("mlmon.yml")))) {
      String url = "http://127.0.0.1:" + exporter.port() + "/metrics";
      Await.until(
          "host, process and probe series",
          Duration.ofSeconds(20),
          () -> {
            Exposition e = Exposition.parse(Http.get(url).body());
            return e.get("mlmon_probe_up", "target", "model-server") != null
                && e.get("mlmon_host_cpu_utilization_ratio") != null;
          });
      Exposition e = Exposition.parse(Http.get(url).body());
      assertThat(e.get("mlmon_probe_up", "target", "model-server")).isEqualTo(1.0);
      assertThat(e.get("mlmon_probe_duration_seconds", "target", "model-server")).isPositive();
      assertThat(e.get("mlmon_serving_process_up", "process", "model-server")).isEqualTo(1.0);
      assertThat(e.get("mlmon_serving_process_threads", "process", "model-server"))
          .isGreaterThan(5.0);
      assertThat(e.get("mlmon_host_memory_total_bytes")).isPositive();
      assertThat(e.get("mlmon_host_cpu_utilization_ratio")).isBetween(0.0, 1.0);
      assertThat(e.series("mlmon_host_filesystem_free_bytes")).hasSize(1);
    } finally {
      health.stop(0);
    }
  }
}
