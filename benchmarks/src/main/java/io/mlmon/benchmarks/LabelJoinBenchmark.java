package io.mlmon.benchmarks;

import io.mlmon.quality.PendingPredictions;
import io.mlmon.quality.PredictionKey;
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
 * The label join alone: one operation is a prediction remembered and the label of the prediction
 * {@code backlog} predictions earlier joined, so the table holds {@code backlog} waiting
 * predictions throughout (the capacity limit, {@code labels.max_pending}, is set just above it).
 * Keys are what {@link PredictionKey} makes of typical ids.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LabelJoinBenchmark -p backlog=10000,100000,1000000
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// The collector ./mlmon runs with; the JIT is JMH's default (C2), for the code's peak speed.
@Fork(
    value = 1,
    jvmArgs = {"-XX:+UseSerialGC", "-Xms512m", "-Xmx512m"})
public class LabelJoinBenchmark {
  @Param({"1000000"})
  int backlog;

  private PendingPredictions pending;
  private long[] keys;
  private int next;
  private String model = "fraud";
  private String id = "tx-18446744";

  @Setup(Level.Trial)
  public void setUp() {
    pending = new PendingPredictions(backlog + 1, Long.MAX_VALUE / 4, (model, reason) -> {});
    // More distinct keys than the backlog, so the table keeps seeing new ones.
    keys = new long[Math.max(4 * backlog, 1 << 20)];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = PredictionKey.of("fraud", "tx-" + i);
    }
    for (int i = 0; i < backlog; i++) {
      pending.add(keys[i], 0, 0, (byte) 1, 0.5, i);
    }
    next = backlog;
  }

  /** One prediction in, the label of the one {@code backlog} earlier joined. */
  @Benchmark
  public Object addAndJoin() {
    int i = next;
    next = next + 1 == keys.length ? 0 : next + 1;
    pending.add(keys[i], 0, 0, (byte) 1, 0.5, i);
    int old = i - backlog;
    return pending.label(keys[old < 0 ? old + keys.length : old]);
  }

  /** The join key of a typical (model, id) pair. */
  @Benchmark
  public long key() {
    return PredictionKey.of(model, id);
  }
}
