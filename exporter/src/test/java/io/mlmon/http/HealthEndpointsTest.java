package io.mlmon.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.DriftConfig;
import io.mlmon.config.FieldMapping;
import io.mlmon.config.LabelsConfig;
import io.mlmon.config.Limits;
import io.mlmon.config.ServerConfig;
import io.mlmon.host.HostSnapshot;
import io.mlmon.ingest.EventParser;
import io.mlmon.ingest.LogTailer;
import io.mlmon.ingest.SourceReader;
import io.mlmon.ingest.StartPosition;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestLoop;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.Monitor;
import io.mlmon.testing.Http;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /-/healthy fails once ingest has died, so an orchestrator restarts the process. */
class HealthEndpointsTest {
  @TempDir Path dir;

  @Test
  void an_error_on_the_ingest_thread_is_recorded_not_lost() throws Exception {
    Files.writeString(dir.resolve("p.jsonl"), "{\"model\":\"m\"}\n");
    Monitor monitor =
        new Monitor(
            Monitor.Settings.of(
                List.of(), Limits.DEFAULTS, new LabelsConfig(Duration.ofDays(1), 10)),
            Monitor.TimeMode.WALL_CLOCK,
            System::currentTimeMillis);
    SourceReader reader =
        new SourceReader(
            new LogTailer("p", dir.resolve("p.jsonl"), 1 << 20, StartPosition.beginning()),
            new EventParser(FieldMapping.DEFAULTS, 10),
            (event, time) -> {
              throw new IllegalStateException("a bug");
            },
            System::currentTimeMillis);
    IngestLoop loop =
        new IngestLoop(List.of(reader), monitor, 20, System::currentTimeMillis, null, null);
    Thread thread = new Thread(loop);
    thread.setUncaughtExceptionHandler((t, e) -> {});
    thread.start();
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(loop.failure()).hasValueSatisfying(e -> assertThat(e).hasMessage("a bug"));
    reader.close();
  }

  @Test
  void healthy_answers_500_with_the_reason_while_a_check_fails() {
    String[] failing = {null};
    LandingPage landing =
        new LandingPage(
            "test",
            () -> IngestSnapshot.EMPTY,
            () -> DriftReport.EMPTY,
            () -> HostSnapshot.EMPTY,
            List::of,
            new DriftConfig(
                Duration.ofSeconds(15),
                100,
                Duration.ofHours(1),
                10,
                10,
                DriftConfig.Decision.auto(),
                0.5),
            Map.of());
    HttpServer server =
        new HttpServer(
            new ServerConfig("127.0.0.1", 0, Optional.empty(), false),
            new PrometheusRegistry(),
            () -> Optional.ofNullable(failing[0]),
            () -> Optional.of("starting"),
            landing,
            new DriftApi(() -> DriftReport.EMPTY));
    try {
      server.start();
      String base = "http://127.0.0.1:" + server.port();
      assertThat(Http.get(base + "/-/healthy").statusCode()).isEqualTo(200);
      failing[0] = "ingest stopped: java.lang.IllegalStateException: a bug";
      var unhealthy = Http.get(base + "/-/healthy");
      assertThat(unhealthy.statusCode()).isEqualTo(500);
      assertThat(unhealthy.body())
          .isEqualTo("Not healthy: ingest stopped: java.lang.IllegalStateException: a bug\n");
      var notReady = Http.get(base + "/-/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).isEqualTo("Not ready: starting\n");
    } finally {
      server.close();
    }
  }
}
