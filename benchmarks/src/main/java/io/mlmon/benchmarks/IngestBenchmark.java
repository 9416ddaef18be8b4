package io.mlmon.benchmarks;

import io.mlmon.config.FieldMapping;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.ingest.EventParser;
import io.mlmon.ingest.Rejection;
import io.mlmon.monitor.Monitor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * The ingest hot path, one log line per operation, on {@code mlmon generate}'s lines (about 300
 * bytes with 20 features; 77% predictions, 23% labels): the line parsed into an event, and the
 * event applied to the monitor (counters, histograms, drift window, reference bins, data quality,
 * pending labels and their join). Ops/s of {@link #parseAndUpdate} is events/s on one core.
 *
 * <pre>
 * mvn -B -ntp -Pbenchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar IngestBenchmark -f 1 -wi 3 -i 5
 * java -jar benchmarks/target/benchmarks.jar IngestBenchmark.parseAndUpdate -p features=5,20,100
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The collector ./mlmon runs with; the JIT is JMH's default (C2), for the code's peak speed.
@Fork(
    value = 1,
    jvmArgs = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class IngestBenchmark {
  /** Features per prediction (the reference has the same). */
  @Param({"20"})
  int features;

  /** {@code drift.window.max_samples}. */
  @Param({"10000"})
  int windowSamples;

  /** {@code labels.max_pending}. */
  @Param({"1000000"})
  int maxPending;

  private Workload lines;
  private EventParser parser;
  private Monitor monitor;

  @Setup(Level.Trial)
  public void setUp() {
    lines = Workload.generate("fraud", features, 1 << 16, 1);
    ReferenceProfile reference = Workload.reference(features, 20_000, 1);
    parser = new EventParser(FieldMapping.DEFAULTS, 500);
    monitor = Workload.monitor(Map.of("fraud", reference), windowSamples, maxPending);
    // Fill the window and the label table to their steady state before measuring.
    long warm = Math.max(windowSamples, maxPending) * 3L / 2;
    for (long i = 0; i < warm; i++) {
      parseAndUpdate();
    }
  }

  /** Line to event: JSON, field mapping, numbers, timestamps, strings. */
  @Benchmark
  public Rejection parse() {
    int i = lines.next();
    return parser.parse(lines.bytes, lines.offsets[i], lines.lengths[i]);
  }

  /** Line to event, and the event into the monitor: the whole per-line cost of ingest. */
  @Benchmark
  public Rejection parseAndUpdate() {
    int i = lines.next();
    Rejection r = parser.parse(lines.bytes, lines.offsets[i], lines.lengths[i]);
    if (r == null) {
      monitor.accept(parser.event(), 0L);
    }
    return r;
  }
}
