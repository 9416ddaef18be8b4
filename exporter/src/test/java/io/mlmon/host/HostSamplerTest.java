package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.HostConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import io.mlmon.metrics.HostMetrics;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sampler's cadence and what a scrape may (not) do, against a fake OSHI source. */
class HostSamplerTest {
  @TempDir Path dir;

  private final FakeHostSource source = new FakeHostSource();

  private static HostConfig config(boolean enabled, ProcessConfig... processes) {
    return new HostConfig(enabled, Duration.ofSeconds(10), List.of(processes), List.of());
  }

  private static ProcessConfig server() {
    return new ProcessConfig("server", Optional.of(Pattern.compile("server")), Optional.empty());
  }

  private static double gauge(MetricSnapshots snapshots, String name) {
    for (MetricSnapshot m : snapshots) {
      if (m.getMetadata().getPrometheusName().equals(name)) {
        return ((GaugeSnapshot) m).getDataPoints().get(0).getValue();
      }
    }
    throw new AssertionError("no " + name);
  }

  @Test
  void cpu_utilization_comes_from_the_ticks_between_two_samples() {
    HostSampler sampler = new HostSampler(source, config(true), List.of());
    source.ticks = new CpuTicks(100, 200);
    assertThat(sampler.sample().host().orElseThrow().cpuUtilization())
        .as("no earlier reading on the first sample")
        .isEmpty();
    source.ticks = new CpuTicks(130, 300);
    assertThat(sampler.sample().host().orElseThrow().cpuUtilization()).hasValue(0.7);
    source.ticks = new CpuTicks(230, 400);
    assertThat(sampler.sample().host().orElseThrow().cpuUtilization()).hasValue(0.0);
  }

  @Test
  void interfaces_and_filesystems_are_enumerated_on_slow_samples_only() {
    HostSampler sampler = new HostSampler(source, config(true), List.of(dir));
    int samples = 3 * HostSampler.SLOW_EVERY;
    for (int i = 0; i < samples; i++) {
      HostStats h = sampler.sample().host().orElseThrow();
      assertThat(h.network()).extracting(NetworkCounters::name).containsExactly("eth0");
      assertThat(h.filesystems()).extracting(MountSpace::mountpoint).containsExactly("/");
    }
    assertThat(source.calls("discoverNetworkInterfaces")).isEqualTo(3);
    assertThat(source.calls("mounts")).isEqualTo(3);
    assertThat(source.calls("cpuTicks")).isEqualTo(samples);
    assertThat(source.calls("memory")).isEqualTo(samples);
    assertThat(source.calls("networkCounters")).as("counters every sample").isEqualTo(samples);
    assertThat(source.calls("logicalProcessors")).as("read once").isEqualTo(1);
  }

  @Test
  void only_the_filesystems_holding_a_watched_path_are_reported() throws Exception {
    String real = dir.toRealPath().toString();
    source.mounts =
        List.of(
            new MountSpace("/", 1),
            new MountSpace(real, 2),
            new MountSpace("/somewhere/else", 3),
            new MountSpace(real + "-sibling", 4));
    HostSampler sampler =
        new HostSampler(source, config(true), List.of(dir.resolve("p*.jsonl"), dir.resolve("st")));
    assertThat(sampler.sample().host().orElseThrow().filesystems())
        .containsExactly(new MountSpace(real, 2));
  }

  @Test
  void a_failing_slow_part_keeps_its_last_values_and_the_rest_of_the_sample() {
    HostSampler sampler = new HostSampler(source, config(true), List.of(dir));
    assertThat(sampler.sample().host().orElseThrow().filesystems()).hasSize(1);
    source.failMounts = true;
    source.memory = new MemoryUsage(100, 50, 0);
    for (int i = 0; i < 2 * HostSampler.SLOW_EVERY; i++) {
      HostStats h = sampler.sample().host().orElseThrow();
      assertThat(h.memory().totalBytes()).isEqualTo(100);
      assertThat(h.filesystems()).extracting(MountSpace::mountpoint).containsExactly("/");
    }
    assertThat(source.calls("mounts")).as("tried again on each slow sample only").isEqualTo(3);
  }

  @Test
  void with_host_sampling_off_the_host_is_never_read_but_serving_processes_are() {
    source.run(new ProcessInfo(77, 1, "model server", 2, 3, 4));
    HostSampler sampler = new HostSampler(source, config(false, server()), List.of(dir));
    for (int i = 0; i < 8; i++) {
      HostSnapshot s = sampler.sample();
      assertThat(s.host()).isEmpty();
      assertThat(s.processes()).extracting(ProcessSample::up).containsExactly(true);
    }
    for (String hostCall :
        List.of(
            "cpuTicks",
            "memory",
            "loadAverage",
            "logicalProcessors",
            "discoverNetworkInterfaces",
            "networkCounters",
            "mounts")) {
      assertThat(source.calls(hostCall)).as(hostCall).isZero();
    }
  }

  @Test
  void a_scrape_reads_the_last_sample_and_never_calls_the_source() {
    source.run(new ProcessInfo(77, 1, "model server", 2, 3, 4));
    HostSampler sampler = new HostSampler(source, config(true, server()), List.of(dir));
    HostMetrics metrics = new HostMetrics(sampler::latest, List::of);
    sampler.sample();
    source.ticks = new CpuTicks(50, 100);
    sampler.sample();
    int before = source.totalCalls();
    MetricSnapshots scraped = null;
    for (int i = 0; i < 10; i++) {
      scraped = metrics.collect();
    }
    assertThat(source.totalCalls()).isEqualTo(before);
    assertThat(scraped.stream().map(m -> m.getMetadata().getPrometheusName()))
        .contains(
            "mlmon_host_cpu_utilization_ratio",
            "mlmon_host_memory_total_bytes",
            "mlmon_serving_process_up");
  }

  @Test
  void a_scrape_returns_the_previous_sample_while_the_sampler_is_stuck_inside_oshi()
      throws Exception {
    HostSampler sampler = new HostSampler(source, config(true), List.of());
    HostMetrics metrics = new HostMetrics(sampler::latest, List::of);
    sampler.sample();
    CountDownLatch release = new CountDownLatch(1);
    source.blockMemory = release;
    source.memory = new MemoryUsage(123, 45, 6);
    Thread stuck = new Thread(sampler::sample, "stuck-sampler");
    stuck.start();
    try {
      assertThat(source.entered.await(10, TimeUnit.SECONDS)).as("sampler inside memory()").isTrue();
      // a scrape that waited for the sampler would never finish: bound it, then check its values
      MetricSnapshots scraped =
          CompletableFuture.supplyAsync(metrics::collect).get(10, TimeUnit.SECONDS);
      double total = gauge(scraped, "mlmon_host_memory_total_bytes");
      assertThat(total).as("still the previous sample").isEqualTo(8L << 30);
      assertThat(stuck.isAlive()).as("sampler still stuck during the scrape").isTrue();
    } finally {
      release.countDown();
      stuck.join(10_000);
    }
    assertThat(sampler.latest().host().orElseThrow().memory().totalBytes()).isEqualTo(123);
  }
}
