package io.mlmon.benchmarks;

import io.mlmon.drift.CategoricalData;
import io.mlmon.drift.DriftEvaluator;
import io.mlmon.drift.DriftRule;
import io.mlmon.drift.DriftSettings;
import io.mlmon.drift.DriftWindow;
import io.mlmon.drift.FeatureData;
import io.mlmon.drift.FeatureType;
import io.mlmon.drift.ModelDrift;
import io.mlmon.drift.NumericData;
import io.mlmon.drift.ProfileOptions;
import io.mlmon.drift.ReferenceData;
import io.mlmon.drift.ReferenceFeature;
import io.mlmon.drift.ReferenceProfile;
import io.mlmon.drift.ScoreData;
import io.mlmon.drift.WindowSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One drift evaluation of a model with 100 features (70 numeric, 30 categorical with 20 categories)
 * over a full 10,000-sample window, against a reference of {@code referenceRows} (100,000: every
 * numeric feature keeps the largest sample, the worst case for ks and wasserstein); and the
 * ingest-side cost of one event in the window.
 *
 * <pre>
 * mvn -B -ntp -Pbenchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar -wi 2 -i 3 -f 1
 * </pre>
 */
@State(Scope.Benchmark)
public class DriftEvaluationBenchmark {
  private static final int NUMERIC = 70;
  private static final int CATEGORIES = 20;

  @Param({"100"})
  int features;

  @Param({"10000"})
  int windowSamples;

  @Param({"100000"})
  int referenceRows;

  private ReferenceProfile profile;
  private WindowSample sample;
  private DriftWindow window;
  private final DriftSettings settings = new DriftSettings(200, DriftRule.auto(), 0.5);
  private final SplittableRandom random = new SplittableRandom(7);
  private long time;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    List<FeatureData> data = new ArrayList<>();
    for (int f = 0; f < features; f++) {
      String name = "f" + f;
      if (isNumeric(f)) {
        int size = Math.min(referenceRows, NumericData.SAMPLE_LIMIT);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
          values[i] = value(r, f, 0);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        data.add(NumericData.of(name, values, referenceRows, min, max));
      } else {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < referenceRows; i++) {
          counts.merge(category(r, 0), 1L, Long::sum);
        }
        data.add(CategoricalData.of(name, counts, 0));
      }
    }
    double[] scores = new double[Math.min(referenceRows, NumericData.SAMPLE_LIMIT)];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = r.nextDouble();
    }
    ScoreData score =
        new ScoreData(
            NumericData.of("score", scores, referenceRows, 0, 1), OptionalDouble.empty(), 0);
    profile =
        ReferenceProfile.of(
            new ReferenceData(referenceRows, "score", data, Optional.of(score)),
            ProfileOptions.DEFAULTS);
    window = new DriftWindow(profile, windowSamples);
    for (int i = 0; i < windowSamples; i++) {
      addEvent(r, 0.1);
    }
    sample = window.snapshot();
  }

  private boolean isNumeric(int feature) {
    return feature % 10 < NUMERIC * 10 / 100;
  }

  /** Normal, log-normal and small integers, with a shift. */
  private static double value(SplittableRandom r, int feature, double shift) {
    return switch (feature % 3) {
      case 0 -> gaussian(r) + shift;
      case 1 -> Math.exp(2 + gaussian(r) + shift);
      default -> Math.floor(-Math.log(r.nextDouble()) * 4 + shift * 4);
    };
  }

  private static String category(SplittableRandom r, double shift) {
    int k = (int) Math.min(CATEGORIES - 1, -Math.log(r.nextDouble()) * (4 + shift * 10));
    return "c" + k;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private void addEvent(SplittableRandom r, double shift) {
    window.beginRow(time++);
    for (int f = 0; f < features; f++) {
      ReferenceFeature feature = profile.feature(f);
      if (feature.type() == FeatureType.NUMERIC) {
        window.setNumeric(f, value(r, f, shift));
      } else {
        window.setCategory(f, feature.binOf(category(r, shift)));
      }
    }
    window.setScore(r.nextDouble());
  }

  /** One drift evaluation of the whole model: every feature, the dataset share, the score. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ModelDrift evaluate() {
    return DriftEvaluator.evaluate(profile, sample, settings, 0);
  }

  /** Taking the immutable snapshot of a full window (on the ingest thread). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public WindowSample snapshot() {
    return window.snapshot();
  }

  /**
   * One event into a full window (the ingest hot path: 100 values, the bin lookup of categories
   * included; generating the random values is part of the cost measured).
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public int addOneEvent() {
    addEvent(random, 0);
    return window.size();
  }
}
