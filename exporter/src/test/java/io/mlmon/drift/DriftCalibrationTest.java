package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The {@code auto} rule on seeded data: over 200 windows drawn from the reference distribution it
 * flags at most 10%; a shift of the mean by 0.5 standard deviations (or a comparable change of
 * category shares) is flagged in at least 95% of windows of 1,000 samples. Both branches of {@code
 * auto}: reference rows &le; 1000 (ks or chi2 p-values) and &gt; 1000 (wasserstein or
 * jensen_shannon).
 *
 * <p>Each window is compared with its own reference, drawn afresh from the same distribution: the
 * rate measured is the rule's false-alarm rate. Against one fixed small reference the rate depends
 * on how typical that one draw happened to be (with 900 rows it is about 3.5% on average but over
 * 50% for an unlucky draw): a small reference that is off makes every window look drifted.
 */
class DriftCalibrationTest {
  private static final int WINDOWS = 200;
  private static final int WINDOW_SIZE = 1000;
  private static final DriftSettings AUTO = new DriftSettings(200, DriftRule.auto(), 0.5);

  private static ReferenceProfile numericReference(int rows, DoubleSupplier values) {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < rows; i++) {
      b.addValueRow(Map.of("x", values.getAsDouble()));
    }
    return b.build();
  }

  private static ReferenceProfile categoricalReference(int rows, Supplier<String> values) {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < rows; i++) {
      b.addValueRow(Map.of("x", values.get()));
    }
    return b.build();
  }

  private static int flaggedNumeric(
      Supplier<ReferenceProfile> reference, DoubleSupplier values, DriftMethod rule) {
    int flagged = 0;
    for (int k = 0; k < WINDOWS; k++) {
      ReferenceProfile p = reference.get();
      DriftWindow w = new DriftWindow(p, WINDOW_SIZE);
      for (int i = 0; i < WINDOW_SIZE; i++) {
        w.beginRow(i);
        w.setNumeric(0, values.getAsDouble());
      }
      FeatureDrift f = DriftEvaluator.evaluate(p, w.snapshot(), AUTO, 0).features().get(0);
      assertThat(f.decidedBy()).isEqualTo(rule);
      if (f.driftDetected()) {
        flagged++;
      }
    }
    return flagged;
  }

  private static int flaggedCategorical(
      Supplier<ReferenceProfile> reference, Supplier<String> values, DriftMethod rule) {
    int flagged = 0;
    for (int k = 0; k < WINDOWS; k++) {
      ReferenceProfile p = reference.get();
      ReferenceFeature feature = p.feature(0);
      DriftWindow w = new DriftWindow(p, WINDOW_SIZE);
      for (int i = 0; i < WINDOW_SIZE; i++) {
        w.beginRow(i);
        w.setCategory(0, feature.binOf(values.get()));
      }
      FeatureDrift f = DriftEvaluator.evaluate(p, w.snapshot(), AUTO, 0).features().get(0);
      assertThat(f.decidedBy()).isEqualTo(rule);
      if (f.driftDetected()) {
        flagged++;
      }
    }
    return flagged;
  }

  @Test
  void ks_on_a_small_numeric_reference_rarely_flags_the_same_distribution_and_finds_a_shift() {
    Random random = new Random(101);
    Supplier<ReferenceProfile> reference = () -> numericReference(1000, random::nextGaussian);
    assertThat(flaggedNumeric(reference, random::nextGaussian, DriftMethod.KS))
        .isLessThanOrEqualTo(WINDOWS / 10);
    assertThat(flaggedNumeric(reference, () -> random.nextGaussian() + 0.5, DriftMethod.KS))
        .isGreaterThanOrEqualTo(WINDOWS * 95 / 100);
  }

  @Test
  void
      wasserstein_on_a_large_numeric_reference_rarely_flags_the_same_distribution_and_finds_a_shift() {
    Random random = new Random(102);
    DoubleSupplier usual = () -> 50 + 10 * random.nextGaussian();
    Supplier<ReferenceProfile> reference = () -> numericReference(20_000, usual);
    assertThat(flaggedNumeric(reference, usual, DriftMethod.WASSERSTEIN))
        .isLessThanOrEqualTo(WINDOWS / 10);
    assertThat(flaggedNumeric(reference, () -> usual.getAsDouble() + 5, DriftMethod.WASSERSTEIN))
        .isGreaterThanOrEqualTo(WINDOWS * 95 / 100);
  }

  @Test
  void few_distinct_numbers_are_judged_like_categories() {
    Random random = new Random(103);
    // Exponential counts cut at 4: at most 5 distinct values, so chi2 / jensen_shannon decide.
    DoubleSupplier same = () -> Math.min(4, (int) Math.floor(-Math.log(random.nextDouble())));
    DoubleSupplier shifted =
        () -> Math.min(4, (int) Math.floor(-Math.log(random.nextDouble()) + 0.5));
    assertThat(numericReference(800, same).feature(0).distinctValues()).isEqualTo(5);
    Supplier<ReferenceProfile> small = () -> numericReference(800, same);
    assertThat(flaggedNumeric(small, same, DriftMethod.CHI2)).isLessThanOrEqualTo(WINDOWS / 10);
    assertThat(flaggedNumeric(small, shifted, DriftMethod.CHI2))
        .isGreaterThanOrEqualTo(WINDOWS * 95 / 100);
    Supplier<ReferenceProfile> large = () -> numericReference(5000, same);
    assertThat(flaggedNumeric(large, same, DriftMethod.JENSEN_SHANNON))
        .isLessThanOrEqualTo(WINDOWS / 10);
    assertThat(flaggedNumeric(large, shifted, DriftMethod.JENSEN_SHANNON))
        .isGreaterThanOrEqualTo(WINDOWS * 95 / 100);
  }

  @Test
  void categorical_features_on_both_sides_of_1000_reference_rows() {
    Random random = new Random(104);
    String[] names = {"online", "pos", "atm", "travel", "gaming"};
    double[] usual = {0.4, 0.3, 0.15, 0.1, 0.05};
    double[] changed = {0.2, 0.3, 0.15, 0.1, 0.25};
    Supplier<String> same = () -> pick(random, names, usual);
    Supplier<String> shifted = () -> pick(random, names, changed);
    Supplier<ReferenceProfile> small = () -> categoricalReference(900, same);
    assertThat(flaggedCategorical(small, same, DriftMethod.CHI2)).isLessThanOrEqualTo(WINDOWS / 10);
    assertThat(flaggedCategorical(small, shifted, DriftMethod.CHI2))
        .isGreaterThanOrEqualTo(WINDOWS * 95 / 100);
    Supplier<ReferenceProfile> large = () -> categoricalReference(10_000, same);
    assertThat(flaggedCategorical(large, same, DriftMethod.JENSEN_SHANNON))
        .isLessThanOrEqualTo(WINDOWS / 10);
    assertThat(flaggedCategorical(large, shifted, DriftMethod.JENSEN_SHANNON))
        .isGreaterThanOrEqualTo(WINDOWS * 95 / 100);
  }

  private static String pick(Random random, String[] names, double[] weights) {
    double u = random.nextDouble();
    for (int i = 0; i < names.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return names[i];
      }
    }
    return names[names.length - 1];
  }
}
