package io.mlmon.benchmarks;

import io.mlmon.config.FieldMapping;
import io.mlmon.drift.DriftRule;
import io.mlmon.drift.DriftSettings;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.http.TextExposition;
import io.mlmon.ingest.EventParser;
import io.mlmon.metrics.BuildInfo;
import io.mlmon.metrics.DriftMetrics;
import io.mlmon.metrics.IngestMetrics;
import io.mlmon.metrics.ModelMetrics;
import io.mlmon.monitor.CheckpointStatus;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.DriftService;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.Monitor;
import io.mlmon.monitor.MonitorSnapshot;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One scrape of the registry {@code mlmon run} serves, with {@code models} models of {@code
 * features} features each (every bin, data-quality counter and drift series present): collecting
 * the metric snapshots, and collecting plus writing them in the Prometheus text format (with the
 * client's writer, and with mlmon's). Scrapes alternate between two monitor snapshots, so the
 * counters that move during ingest have moved since the last scrape. Also the
 * ingest thread's side: taking the immutable snapshot a scrape reads (every 250 ms).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ScrapeBenchmark -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The collector ./mlmon runs with; the JIT is JMH's default (C2), for the code's peak speed.
@Fork(
    value = 1,
    jvmArgs = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class ScrapeBenchmark {
  @Param({"5"})
  int models;

  @Param({"100"})
  int features;

  private Monitor monitor;
  private PrometheusRegistry registry;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 22);
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
  private final TextExposition mlmonText = new TextExposition();
  private int bytes;
  private final IngestSnapshot[] snapshots = new IngestSnapshot[2];
  private int scrapes;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Map<String, ReferenceProfile> references = new LinkedHashMap<>();
    for (int m = 0; m < models; m++) {
      references.put("model-" + m, Workload.reference(features, 5_000, m));
    }
    monitor = Workload.monitor(references, 10_000, 100_000);
    EventParser parser = new EventParser(FieldMapping.DEFAULTS, 500);
    // Two snapshots of the same monitor, 1,000 events per model apart, which scrapes alternate
    // between: every counter that moves during ingest has moved since the last scrape.
    for (int m = 0; m < models; m++) {
      Workload lines = Workload.generate("model-" + m, features, 12_000, m);
      for (int i = 0; i < lines.size(); i++) {
        if (i == 11_000 && m == models - 1) {
          snapshots[0] = new IngestSnapshot(List.of(), monitor.snapshot(), CheckpointStatus.DISABLED, 0);
        }
        if (parser.parse(lines.bytes, lines.offsets[i], lines.lengths[i]) == null) {
          monitor.accept(parser.event(), 0L);
        }
      }
    }
    snapshots[1] = new IngestSnapshot(List.of(), monitor.snapshot(), CheckpointStatus.DISABLED, 0);
    DriftService drift =
        new DriftService(new DriftSettings(200, DriftRule.auto(), 0.5), 1, () -> 0L);
    DriftReport report = drift.evaluateNow(monitor);
    drift.close();
    Supplier<IngestSnapshot> snapshot = () -> snapshots[scrapes & 1];
    registry = new PrometheusRegistry();
    JvmMetrics.builder().register(registry);
    registry.register(new BuildInfo("bench"));
    registry.register(new IngestMetrics(snapshot));
    registry.register(new ModelMetrics(snapshot));
    registry.register(new DriftMetrics(snapshot, () -> report));
    writer.write(out, registry.scrape());
    bytes = out.size();
    System.out.printf("%nscrape: %d bytes of text%n", bytes);
  }

  /** The registry's snapshots (what every exposition format starts from). */
  @Benchmark
  public MetricSnapshots collect() {
    scrapes++;
    return registry.scrape();
  }

  /** A whole text-format scrape as {@code /metrics} makes it, minus HTTP. */
  @Benchmark
  public int collectAndWriteText() throws IOException {
    out.reset();
    scrapes++;
    writer.write(out, registry.scrape());
    return out.size();
  }

  /**
   * A whole text-format scrape as {@code /metrics} makes it since mlmon writes the text itself
   * (the same bytes), minus HTTP.
   */
  @Benchmark
  public int collectAndWriteMlmon() throws IOException {
    scrapes++;
    return writeMlmon();
  }

  /**
   * The same between two publishes of the ingest thread (every 250 ms at most): the collectors
   * hand out what they made from the same snapshot, and the writer copies its text of each family.
   */
  @Benchmark
  public int collectAndWriteMlmonUnchanged() throws IOException {
    return writeMlmon();
  }

  private int writeMlmon() throws IOException {
    out.reset();
    mlmonText.write(
        registry.scrape(), EscapingScheme.DEFAULT, TextExposition.Format.PROMETHEUS_TEXT, out);
    return out.size();
  }

  /** The ingest thread's immutable snapshot of the monitor, which scrapes read. */
  @Benchmark
  public MonitorSnapshot publish() {
    return monitor.snapshot();
  }
}
