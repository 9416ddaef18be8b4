package io.mlmon.metrics;

import io.mlmon.host.HostSnapshot;
import io.mlmon.host.HostStats;
import io.mlmon.host.LoadAverage;
import io.mlmon.host.MountSpace;
import io.mlmon.host.NetworkCounters;
import io.mlmon.host.ProbeResult;
import io.mlmon.host.ProcessInfo;
import io.mlmon.host.ProcessSample;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The "Host and serving infrastructure" metrics of metrics.md, read from the latest host sample and
 * the probes' last results. A scrape only reads those immutable values: it never calls OSHI and
 * never waits for a sample or a probe. Families without a series are left out.
 */
public final class HostMetrics implements MultiCollector {
  private final LastCollected last = new LastCollected();
  private final Supplier<HostSnapshot> host;
  private final Supplier<List<ProbeResult>> probes;

  public HostMetrics(Supplier<HostSnapshot> host, Supplier<List<ProbeResult>> probes) {
    this.host = host;
    this.probes = probes;
  }

  @Override
  public MetricSnapshots collect() {
    HostSnapshot snapshot = host.get();
    List<ProbeResult> results = probes.get();
    return last.get(snapshot, results, () -> collect(snapshot, results));
  }

  private static MetricSnapshots collect(HostSnapshot snapshot, List<ProbeResult> results) {
    List<MetricSnapshot> out = new ArrayList<>();
    snapshot.host().ifPresent(h -> addHost(out, h));
    addProcesses(out, snapshot.processes());
    addProbes(out, results);
    return new MetricSnapshots(out);
  }

  private static void addHost(List<MetricSnapshot> out, HostStats h) {
    var utilization =
        Family.gauge(
            "mlmon_host_cpu_utilization_ratio",
            "Share of the whole host's CPU time that was busy (not idle or waiting for I/O) since"
                + " the previous host sample, 0 to 1.");
    h.cpuUtilization().ifPresent(u -> utilization.add(u));
    var logical =
        Family.gauge("mlmon_host_cpu_logical_processors", "Logical processors of the host.")
            .add(h.logicalProcessors());
    var load =
        Family.gauge(
            "mlmon_host_load_average",
            "The host's load average (runnable and uninterruptible tasks) over the period.",
            "period");
    if (h.loadAverage().isPresent()) {
      LoadAverage l = h.loadAverage().get();
      load.add(l.oneMinute(), "1m").add(l.fiveMinutes(), "5m").add(l.fifteenMinutes(), "15m");
    }
    var total =
        Family.gauge("mlmon_host_memory_total_bytes", "Physical memory of the host.")
            .add(h.memory().totalBytes());
    var available =
        Family.gauge(
                "mlmon_host_memory_available_bytes",
                "Memory available to new work without swapping (Linux: MemAvailable).")
            .add(h.memory().availableBytes());
    var swap =
        Family.gauge("mlmon_host_swap_used_bytes", "Swap space of the host in use.")
            .add(h.memory().swapUsedBytes());
    var received =
        Family.counter(
            "mlmon_host_network_received_bytes_total",
            "Bytes received by the network interface (loopback and container veth pairs"
                + " excluded).",
            "interface");
    var transmitted =
        Family.counter(
            "mlmon_host_network_transmitted_bytes_total",
            "Bytes sent by the network interface (loopback and container veth pairs excluded).",
            "interface");
    for (NetworkCounters n : h.network()) {
      received.add(n.receivedBytes(), n.name());
      transmitted.add(n.transmittedBytes(), n.name());
    }
    var free =
        Family.gauge(
            "mlmon_host_filesystem_free_bytes",
            "Space still available to unprivileged writers (df's Avail) on the filesystem holding"
                + " a configured source or the state dir.",
            "mountpoint");
    for (MountSpace m : h.filesystems()) {
      free.add(m.freeBytes(), m.mountpoint());
    }
    addNonEmpty(
        out,
        utilization.build(),
        logical.build(),
        load.build(),
        total.build(),
        available.build(),
        swap.build(),
        received.build(),
        transmitted.build(),
        free.build());
  }

  private static void addProcesses(List<MetricSnapshot> out, List<ProcessSample> processes) {
    var up =
        Family.gauge(
            "mlmon_serving_process_up",
            "1 while the configured model-server process is found, else 0.",
            "process");
    var cpu =
        Family.counter(
            "mlmon_serving_process_cpu_seconds_total",
            "User and system CPU time of the model-server process (resets when it restarts).",
            "process");
    var rss =
        Family.gauge(
            "mlmon_serving_process_resident_memory_bytes",
            "Resident memory of the model-server process.",
            "process");
    var threads =
        Family.gauge(
            "mlmon_serving_process_threads", "Threads of the model-server process.", "process");
    for (ProcessSample p : processes) {
      up.add(p.up() ? 1 : 0, p.name());
      if (p.process().isPresent()) {
        ProcessInfo info = p.process().get();
        cpu.add(info.cpuSeconds(), p.name());
        rss.add(info.residentBytes(), p.name());
        threads.add(info.threads(), p.name());
      }
    }
    addNonEmpty(out, up.build(), cpu.build(), rss.build(), threads.build());
  }

  private static void addProbes(List<MetricSnapshot> out, List<ProbeResult> results) {
    var up =
        Family.gauge(
            "mlmon_probe_up",
            "1 when the last probe of the target (HTTP GET answered 2xx/3xx within the timeout,"
                + " or TCP connect) succeeded, else 0.",
            "target");
    var duration =
        Family.gauge(
            "mlmon_probe_duration_seconds",
            "How long the last probe of the target took: the round trip when it succeeded, the"
                + " time to the error or timeout when not.",
            "target");
    for (ProbeResult r : results) {
      up.add(r.up() ? 1 : 0, r.target());
      duration.add(r.durationSeconds(), r.target());
    }
    addNonEmpty(out, up.build(), duration.build());
  }

  private static void addNonEmpty(List<MetricSnapshot> out, MetricSnapshot... snapshots) {
    for (MetricSnapshot s : snapshots) {
      if (!s.getDataPoints().isEmpty()) {
        out.add(s);
      }
    }
  }
}
