package io.mlmon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mlmon.config.FieldMapping;
import io.mlmon.config.LabelsConfig;
import io.mlmon.config.Limits;
import io.mlmon.ingest.EventParser;
import io.mlmon.ingest.EventSink;
import io.mlmon.ingest.LogTailer;
import io.mlmon.ingest.SourceReader;
import io.mlmon.ingest.StartPosition;
import io.mlmon.metrics.IngestMetrics;
import io.mlmon.metrics.ModelMetrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scrapes read the last published snapshot: they never wait for the ingest thread. */
class ScrapeDuringIngestTest {
  @TempDir Path dir;

  @Test
  void a_scrape_returns_while_the_ingest_thread_is_stuck_inside_an_event() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      log.append("{\"model\":\"fraud\",\"flagged\":true}\n");
    }
    Files.writeString(dir.resolve("p.jsonl"), log);
    Monitor monitor =
        new Monitor(
            Monitor.Settings.of(
                List.of(), Limits.DEFAULTS, new LabelsConfig(Duration.ofDays(1), 100)),
            Monitor.TimeMode.WALL_CLOCK,
            System::currentTimeMillis);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    EventSink stuckAt500 =
        new EventSink() {
          private int seen;

          @Override
          public void accept(io.mlmon.ingest.ParsedEvent event, long readTimeMillis) {
            if (++seen == 500) {
              inside.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            monitor.accept(event, readTimeMillis);
          }
        };
    SourceReader reader =
        new SourceReader(
            new LogTailer("p", dir.resolve("p.jsonl"), 1 << 20, StartPosition.beginning()),
            new EventParser(FieldMapping.DEFAULTS, 10),
            stuckAt500,
            System::currentTimeMillis);
    IngestLoop loop =
        new IngestLoop(List.of(reader), monitor, 50, System::currentTimeMillis, null, null);
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new IngestMetrics(loop::latest));
    registry.register(new ModelMetrics(loop::latest));
    Thread ingest = new Thread(loop, "ingest-under-test");
    ingest.start();
    try {
      assertThat(inside.await(10, TimeUnit.SECONDS)).as("ingest reached the stuck event").isTrue();
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            for (int i = 0; i < 20; i++) {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              PrometheusTextFormatWriter.create().write(out, registry.scrape());
              assertThat(out.toString()).contains("mlmon_log_lines_total");
            }
          },
          "a scrape waited for the ingest thread");
      assertThat(ingest.getState()).as("ingest still stuck").isEqualTo(Thread.State.WAITING);
    } finally {
      release.countDown();
      loop.stop(5000);
      ingest.join(5000);
      reader.close();
    }
    assertThat(loop.latest().monitor().model("fraud").orElseThrow().predictions()).isEqualTo(1000);
  }
}
