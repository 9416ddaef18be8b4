package io.mlmon.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Computes a model's drift report from its reference and a window snapshot. Pure and stateless:
 * call it from a background task, never inside a scrape.
 */
public final class DriftEvaluator {
  private DriftEvaluator() {}

  /**
   * Evaluates every feature with at least {@code minSamples} finite values in the window, the
   * dataset drift share and decision, and prediction drift on the score.
   *
   * @param sample a snapshot of a {@link DriftWindow} built on {@code profile}
   * @param computedAtMillis the time to report as the evaluation time
   */
  public static ModelDrift evaluate(
      ReferenceProfile profile,
      WindowSample sample,
      DriftSettings settings,
      long computedAtMillis) {
    return evaluate(profile, sample, settings, computedAtMillis, false);
  }

  /**
   * As {@link #evaluate(ReferenceProfile, WindowSample, DriftSettings, long)}; with {@code
   * parallel}, the features (independent of one another) are evaluated on the common fork-join
   * pool, for a one-shot evaluation that has the machine to itself. The result is the same.
   */
  public static ModelDrift evaluate(
      ReferenceProfile profile,
      WindowSample sample,
      DriftSettings settings,
      long computedAtMillis,
      boolean parallel) {
    if (sample.featureCount() != profile.featureCount()) {
      throw new IllegalArgumentException("the window was built on another profile");
    }
    FeatureDrift[] results = new FeatureDrift[profile.featureCount()];
    IntStream enough =
        IntStream.range(0, results.length).filter(f -> sample.values(f) >= settings.minSamples());
    (parallel ? enough.parallel() : enough)
        .forEach(f -> results[f] = feature(profile.feature(f), sample, f, settings.rule()));
    List<FeatureDrift> evaluated = new ArrayList<>();
    Map<String, Long> insufficient = new LinkedHashMap<>();
    int drifted = 0;
    for (int f = 0; f < results.length; f++) {
      FeatureDrift result = results[f];
      if (result == null) {
        insufficient.put(profile.feature(f).name(), sample.values(f));
        continue;
      }
      evaluated.add(result);
      if (result.driftDetected()) {
        drifted++;
      }
    }
    double share = evaluated.isEmpty() ? 0 : (double) drifted / evaluated.size();
    boolean datasetDrift = !evaluated.isEmpty() && share >= settings.datasetShare();
    Optional<FeatureDrift> prediction = Optional.empty();
    if (profile.score().isPresent() && sample.scoreCount() >= settings.minSamples()) {
      prediction =
          Optional.of(numeric(profile.score().get(), sample.scoresShared(), settings.rule()));
    }
    return new ModelDrift(
        computedAtMillis, sample.rows(), evaluated, insufficient, share, datasetDrift, prediction);
  }

  private static FeatureDrift feature(
      ReferenceFeature feature, WindowSample sample, int f, DriftRule rule) {
    return feature.type() == FeatureType.NUMERIC
        ? numeric(feature, sample.numericShared(f), rule)
        : categorical(feature, sample.countsShared(f), rule);
  }

  /** The drift of a numeric feature (or the score) for its finite window values in any order. */
  static FeatureDrift numeric(ReferenceFeature feature, double[] window, DriftRule rule) {
    double[] sorted = window.clone();
    Arrays.sort(sorted);
    double[] reference = feature.sortedSample();
    long[] counts = Bins.countSorted(feature.edgesShared(), sorted);
    Map<DriftMethod, Double> scores = new EnumMap<>(DriftMethod.class);
    Map<DriftMethod, Double> pValues = new EnumMap<>(DriftMethod.class);
    binMethods(feature, counts, scores, pValues);
    TestResult ks = KolmogorovSmirnov.test(reference, sorted);
    scores.put(DriftMethod.KS, ks.statistic());
    pValues.put(DriftMethod.KS, ks.pValue());
    double distance = DriftMethods.wassersteinSorted(reference, sorted);
    scores.put(
        DriftMethod.WASSERSTEIN, DriftMethods.normalisedWasserstein(distance, feature.std()));
    return decide(feature, sorted.length, counts, scores, pValues, rule);
  }

  static FeatureDrift categorical(ReferenceFeature feature, long[] counts, DriftRule rule) {
    long m = 0;
    for (long c : counts) {
      m += c;
    }
    Map<DriftMethod, Double> scores = new EnumMap<>(DriftMethod.class);
    Map<DriftMethod, Double> pValues = new EnumMap<>(DriftMethod.class);
    binMethods(feature, counts, scores, pValues);
    return decide(feature, m, counts, scores, pValues, rule);
  }

  private static void binMethods(
      ReferenceFeature feature,
      long[] counts,
      Map<DriftMethod, Double> scores,
      Map<DriftMethod, Double> pValues) {
    double[] p = shares(counts);
    double[] q = shares(feature.referenceCounts());
    scores.put(DriftMethod.PSI, DriftMethods.psi(p, q));
    scores.put(DriftMethod.JENSEN_SHANNON, DriftMethods.jensenShannon(p, q));
    TestResult chi2 = DriftMethods.chi2(counts, q);
    scores.put(DriftMethod.CHI2, chi2.statistic());
    pValues.put(DriftMethod.CHI2, chi2.pValue());
  }

  private static FeatureDrift decide(
      ReferenceFeature feature,
      long samples,
      long[] counts,
      Map<DriftMethod, Double> scores,
      Map<DriftMethod, Double> pValues,
      DriftRule rule) {
    DriftRule.Choice choice = rule.choose(feature);
    double value;
    if (choice.method() == DriftMethod.CHI2) {
      value = DriftMethods.chi2Homogeneity(feature.referenceCounts(), counts).pValue();
    } else if (choice.method().decidesByPValue()) {
      value = pValues.get(choice.method());
    } else {
      value = scores.get(choice.method());
    }
    double[] p = shares(counts);
    List<BinShare> bins = new ArrayList<>(counts.length);
    List<String> labels = feature.binLabels();
    List<Double> q = feature.referenceRatios();
    for (int i = 0; i < counts.length; i++) {
      bins.add(new BinShare(labels.get(i), q.get(i), p[i]));
    }
    return new FeatureDrift(
        feature.name(),
        feature.type(),
        samples,
        feature.count(),
        scores,
        pValues,
        choice.drift(value),
        choice.method(),
        choice.threshold(),
        value,
        bins);
  }

  private static double[] shares(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    if (total > 0) {
      for (int i = 0; i < counts.length; i++) {
        out[i] = (double) counts[i] / total;
      }
    }
    return out;
  }
}
