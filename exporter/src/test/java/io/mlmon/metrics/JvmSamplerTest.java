package io.mlmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** JVM and process metrics are sampled in the background; a scrape only reads the last sample. */
class JvmSamplerTest {
  private static List<String> names(MetricSnapshots snapshots) {
    return snapshots.stream()
        .map(MetricSnapshot::getMetadata)
        .map(m -> m.getPrometheusName())
        .collect(Collectors.toList());
  }

  @Test
  void the_first_scrape_already_has_the_jvm_and_process_metrics() {
    try (JvmSampler sampler = JvmSampler.start(60_000)) {
      assertThat(names(sampler.collect()))
          .contains(
              "jvm_memory_used_bytes",
              "jvm_threads_deadlocked",
              "jvm_gc_collection_seconds",
              "process_cpu_seconds",
              "process_open_fds");
    }
  }

  @Test
  void scrapes_between_samples_get_the_same_sample_and_later_ones_a_new_one()
      throws InterruptedException {
    try (JvmSampler sampler = JvmSampler.start(50)) {
      MetricSnapshots first = sampler.collect();
      // Well within one interval of its start, nothing has replaced the first sample yet.
      assertThat(sampler.collect()).isSameAs(first);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (sampler.collect() == first && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(sampler.collect()).isNotSameAs(first);
    }
  }

  @Test
  void close_stops_the_sampling() throws InterruptedException {
    JvmSampler sampler = JvmSampler.start(10);
    sampler.close();
    MetricSnapshots last = sampler.collect();
    Thread.sleep(100); // ten intervals: a sampler still running would have replaced it
    assertThat(sampler.collect()).isSameAs(last);
  }
}
