package io.mlmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.host.CpuTicks;
import io.mlmon.host.HostSnapshot;
import io.mlmon.host.HostStats;
import io.mlmon.host.LoadAverage;
import io.mlmon.host.MemoryUsage;
import io.mlmon.host.MountSpace;
import io.mlmon.host.NetworkCounters;
import io.mlmon.host.ProbeResult;
import io.mlmon.host.ProcessInfo;
import io.mlmon.host.ProcessSample;
import io.mlmon.testing.Exposition;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The host metrics exactly as metrics.md's "Host and serving infrastructure" table names them. */
class HostMetricsTest {
  private static final HostStats HOST =
      new HostStats(
          2,
          new CpuTicks(30, 100).utilizationSince(new CpuTicks(0, 0)),
          Optional.of(new LoadAverage(1.5, 0.75, 0.25)),
          new MemoryUsage(8L << 30, 3L << 30, 1L << 20),
          List.of(new NetworkCounters("eth0", 1_000, 2_000), new NetworkCounters("eth1", 3, 4)),
          List.of(new MountSpace("/", 5_000), new MountSpace("/var/log", 6_000)));

  private static final HostSnapshot FULL =
      new HostSnapshot(
          Optional.of(HOST),
          List.of(
              new ProcessSample(
                  "model-server",
                  Optional.of(new ProcessInfo(42, 1, "uvicorn app:api", 12.5, 200L << 20, 9))),
              new ProcessSample("feature-store", Optional.empty())));

  private static final List<ProbeResult> PROBES =
      List.of(
          new ProbeResult("model-server", true, 0.012, 3, "HTTP 200"),
          new ProbeResult("redis", false, 1.0, 3, "no connection within 1000 ms"));

  /**
   * The metric families of the contract: name as exposed, type, label names. One deviation:
   * metrics.md's {@code mlmon_host_cpu_logical_count} is exposed as {@code
   * mlmon_host_cpu_logical_processors}, because promtool (and OpenMetrics) reserve {@code _count}
   * for histograms and summaries.
   */
  private static final Map<String, String> CONTRACT =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("mlmon_host_cpu_utilization_ratio", "gauge"),
              Map.entry("mlmon_host_cpu_logical_processors", "gauge"),
              Map.entry("mlmon_host_load_average", "gauge period"),
              Map.entry("mlmon_host_memory_total_bytes", "gauge"),
              Map.entry("mlmon_host_memory_available_bytes", "gauge"),
              Map.entry("mlmon_host_swap_used_bytes", "gauge"),
              Map.entry("mlmon_host_network_received_bytes_total", "counter interface"),
              Map.entry("mlmon_host_network_transmitted_bytes_total", "counter interface"),
              Map.entry("mlmon_host_filesystem_free_bytes", "gauge mountpoint"),
              Map.entry("mlmon_serving_process_up", "gauge process"),
              Map.entry("mlmon_serving_process_cpu_seconds_total", "counter process"),
              Map.entry("mlmon_serving_process_resident_memory_bytes", "gauge process"),
              Map.entry("mlmon_serving_process_threads", "gauge process"),
              Map.entry("mlmon_probe_up", "gauge target"),
              Map.entry("mlmon_probe_duration_seconds", "gauge target")));

  private static String text(HostSnapshot host, List<ProbeResult> probes) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    Supplier<HostSnapshot> h = () -> host;
    registry.register(new HostMetrics(h, () -> probes));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String openMetrics(HostSnapshot host, List<ProbeResult> probes) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new HostMetrics(() -> host, () -> probes));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void every_family_of_the_contract_with_its_type_labels_and_help() throws Exception {
    String text = text(FULL, PROBES);
    Exposition e = Exposition.parse(text);
    Map<String, String> exposed = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] f = line.split(" ");
        String family = f[2];
        String sampleName = family;
        String labels =
            e.series(sampleName).keySet().stream()
                .findFirst()
                .map(k -> k.contains("{") ? k.substring(k.indexOf('{') + 1, k.indexOf('=')) : "")
                .orElse("?");
        exposed.put(sampleName, (f[3] + " " + labels).strip());
      }
    }
    assertThat(exposed).isEqualTo(CONTRACT);
    for (String family : CONTRACT.keySet()) {
      assertThat(text).containsPattern("# HELP " + family + " \\S.{15,}");
    }
  }

  @Test
  void values_are_those_of_the_sample_and_the_probes() throws Exception {
    Exposition e = Exposition.parse(text(FULL, PROBES));
    assertThat(e.get("mlmon_host_cpu_utilization_ratio")).isEqualTo(0.7);
    assertThat(e.get("mlmon_host_cpu_logical_processors")).isEqualTo(2.0);
    assertThat(e.get("mlmon_host_load_average", "period", "1m")).isEqualTo(1.5);
    assertThat(e.get("mlmon_host_load_average", "period", "5m")).isEqualTo(0.75);
    assertThat(e.get("mlmon_host_load_average", "period", "15m")).isEqualTo(0.25);
    assertThat(e.get("mlmon_host_memory_total_bytes")).isEqualTo(8.0 * (1L << 30));
    assertThat(e.get("mlmon_host_memory_available_bytes")).isEqualTo(3.0 * (1L << 30));
    assertThat(e.get("mlmon_host_swap_used_bytes")).isEqualTo(1.0 * (1L << 20));
    assertThat(e.get("mlmon_host_network_received_bytes_total", "interface", "eth0"))
        .isEqualTo(1000.0);
    assertThat(e.get("mlmon_host_network_transmitted_bytes_total", "interface", "eth1"))
        .isEqualTo(4.0);
    assertThat(e.labelValues("mlmon_host_filesystem_free_bytes", "mountpoint"))
        .containsExactly("/", "/var/log");
    assertThat(e.get("mlmon_serving_process_up", "process", "model-server")).isEqualTo(1.0);
    assertThat(e.get("mlmon_serving_process_up", "process", "feature-store")).isEqualTo(0.0);
    assertThat(e.get("mlmon_serving_process_cpu_seconds_total", "process", "model-server"))
        .isEqualTo(12.5);
    assertThat(e.get("mlmon_serving_process_threads", "process", "model-server")).isEqualTo(9.0);
    assertThat(e.labelValues("mlmon_serving_process_resident_memory_bytes", "process"))
        .as("an absent process has only its up series")
        .containsExactly("model-server");
    assertThat(e.get("mlmon_probe_up", "target", "model-server")).isEqualTo(1.0);
    assertThat(e.get("mlmon_probe_up", "target", "redis")).isEqualTo(0.0);
    assertThat(e.get("mlmon_probe_duration_seconds", "target", "model-server")).isEqualTo(0.012);
  }

  @Test
  void openmetrics_declares_the_base_units() throws Exception {
    String om = openMetrics(FULL, PROBES);
    assertThat(om)
        .contains("# UNIT mlmon_host_memory_total_bytes bytes")
        .contains("# UNIT mlmon_host_network_received_bytes bytes")
        .contains("# UNIT mlmon_host_filesystem_free_bytes bytes")
        .contains("# UNIT mlmon_serving_process_cpu_seconds seconds")
        .contains("# UNIT mlmon_probe_duration_seconds seconds")
        .contains("# UNIT mlmon_host_cpu_utilization_ratio ratio");
  }

  @Test
  void without_host_sampling_or_a_first_sample_no_host_series_are_exposed() throws Exception {
    HostSnapshot processesOnly = new HostSnapshot(Optional.empty(), FULL.processes());
    String text = text(processesOnly, List.of());
    assertThat(text).doesNotContain("mlmon_host_").doesNotContain("mlmon_probe_");
    assertThat(text).contains("mlmon_serving_process_up{process=\"model-server\"} 1.0");
    assertThat(text(HostSnapshot.EMPTY, List.of())).isEmpty();
  }

  @Test
  void cpu_utilization_is_absent_until_there_are_two_samples() throws Exception {
    HostStats first =
        new HostStats(
            2, OptionalDouble.empty(), Optional.empty(), HOST.memory(), List.of(), List.of());
    String text = text(new HostSnapshot(Optional.of(first), List.of()), List.of());
    assertThat(text)
        .doesNotContain("mlmon_host_cpu_utilization_ratio")
        .doesNotContain("mlmon_host_load_average")
        .contains("mlmon_host_memory_total_bytes");
  }

  @Test
  void promtool_check_metrics_finds_nothing_to_complain_about() throws Exception {
    assertThat(PromtoolCheckMetricsTest.promtool(text(FULL, PROBES), "check", "metrics")).isBlank();
  }
}
