package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftEvaluatorTest {
  private static final DriftSettings AUTO = new DriftSettings(50, DriftRule.auto(), 0.5);

  /** Reference: a ~ N(0,1), b ~ N(0,1), c in {x, y, z}, score ~ U(0,1); 2000 rows. */
  private static ReferenceProfile profile() {
    Random random = new Random(11);
    ReferenceProfileBuilder builder = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < 2000; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("a", random.nextGaussian());
      row.put("b", random.nextGaussian());
      row.put("c", new String[] {"x", "y", "z"}[random.nextInt(3)]);
      row.put("score", random.nextDouble());
      builder.addValueRow(row);
    }
    return builder.build();
  }

  private static WindowSample window(
      ReferenceProfile p, int rows, int withB, double shiftA, String onlyC, double scoreShift) {
    Random random = new Random(12);
    DriftWindow w = new DriftWindow(p, 10_000);
    int a = p.indexOf("a");
    int b = p.indexOf("b");
    int c = p.indexOf("c");
    for (int i = 0; i < rows; i++) {
      w.beginRow(i);
      w.setNumeric(a, random.nextGaussian() + shiftA);
      if (i < withB) {
        w.setNumeric(b, random.nextGaussian());
      }
      String cat = onlyC != null ? onlyC : new String[] {"x", "y", "z"}[random.nextInt(3)];
      w.setCategory(c, p.feature(c).binOf(cat));
      w.setScore(Math.min(1, random.nextDouble() + scoreShift));
    }
    return w.snapshot();
  }

  @Test
  void features_below_min_samples_are_absent_and_do_not_count_in_the_share() {
    ReferenceProfile p = profile();
    ModelDrift report = DriftEvaluator.evaluate(p, window(p, 500, 49, 3, null, 0), AUTO, 1234);
    assertThat(report.features()).extracting(FeatureDrift::name).containsExactly("a", "c");
    assertThat(report.feature("b")).isEmpty();
    assertThat(report.insufficient()).containsExactly(Map.entry("b", 49L));
    assertThat(report.feature("a").orElseThrow().driftDetected()).isTrue();
    assertThat(report.feature("c").orElseThrow().driftDetected()).isFalse();
    assertThat(report.datasetDriftShare()).isEqualTo(0.5);
    assertThat(report.datasetDriftDetected()).isTrue();
    assertThat(report.computedAtMillis()).isEqualTo(1234);
    assertThat(report.windowSamples()).isEqualTo(500);
  }

  @Test
  void features_evaluated_in_parallel_give_the_same_report() {
    ReferenceProfile p = profile();
    for (WindowSample w :
        List.of(window(p, 500, 49, 3, null, 0), window(p, 3000, 3000, 0.2, null, 0.1))) {
      assertThat(DriftEvaluator.evaluate(p, w, AUTO, 9, true))
          .isEqualTo(DriftEvaluator.evaluate(p, w, AUTO, 9, false));
    }
  }

  @Test
  void a_window_like_the_reference_shows_no_drift() {
    ReferenceProfile p = profile();
    ModelDrift report = DriftEvaluator.evaluate(p, window(p, 3000, 3000, 0, null, 0), AUTO, 0);
    assertThat(report.features()).hasSize(3).noneMatch(FeatureDrift::driftDetected);
    assertThat(report.datasetDriftShare()).isZero();
    assertThat(report.datasetDriftDetected()).isFalse();
    assertThat(report.predictionDrift().orElseThrow().driftDetected()).isFalse();
  }

  @Test
  void an_empty_window_evaluates_nothing_and_detects_nothing() {
    ReferenceProfile p = profile();
    ModelDrift report = DriftEvaluator.evaluate(p, window(p, 0, 0, 0, null, 0), AUTO, 0);
    assertThat(report.features()).isEmpty();
    assertThat(report.datasetDriftShare()).isZero();
    assertThat(report.datasetDriftDetected()).isFalse();
    assertThat(report.predictionDrift()).isEmpty();
    assertThat(report.insufficient()).containsOnlyKeys("a", "b", "c");
  }

  @Test
  void every_method_applicable_is_reported_with_the_auto_choice() {
    ReferenceProfile p = profile();
    ModelDrift report = DriftEvaluator.evaluate(p, window(p, 500, 500, 0, "x", 0.5), AUTO, 0);
    FeatureDrift a = report.feature("a").orElseThrow();
    assertThat(a.scores()).containsOnlyKeys(DriftMethod.values());
    assertThat(a.pValues()).containsOnlyKeys(DriftMethod.CHI2, DriftMethod.KS);
    assertThat(a.decidedBy()).isEqualTo(DriftMethod.WASSERSTEIN);
    assertThat(a.threshold()).isEqualTo(0.1);
    assertThat(a.samples()).isEqualTo(500);
    assertThat(a.referenceCount()).isEqualTo(2000);
    assertThat(a.bins()).hasSize(10);
    assertThat(a.bins().stream().mapToDouble(BinShare::current).sum())
        .isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
    FeatureDrift c = report.feature("c").orElseThrow();
    assertThat(c.scores())
        .containsOnlyKeys(DriftMethod.PSI, DriftMethod.JENSEN_SHANNON, DriftMethod.CHI2);
    assertThat(c.decidedBy()).isEqualTo(DriftMethod.JENSEN_SHANNON);
    assertThat(c.driftDetected()).isTrue();
    assertThat(c.bins()).extracting(BinShare::label).containsOnly("x", "y", "z", Categories.OTHER);
    assertThat(c.bins().get(3).label()).isEqualTo(Categories.OTHER);
    ReferenceFeature reference = p.feature(p.indexOf("c"));
    int x = reference.binOf("x");
    assertThat(c.bins().get(x))
        .isEqualTo(new BinShare("x", reference.referenceRatios().get(x), 1.0));
    FeatureDrift score = report.predictionDrift().orElseThrow();
    assertThat(score.name()).isEqualTo("score");
    assertThat(score.driftDetected()).isTrue();
  }

  @Test
  void a_fixed_rule_decides_by_its_method_and_threshold() {
    ReferenceProfile p = profile();
    WindowSample s = window(p, 500, 500, 0.3, null, 0);
    DriftSettings psi = new DriftSettings(50, DriftRule.of("psi", 0.2), 0.5);
    FeatureDrift a = DriftEvaluator.evaluate(p, s, psi, 0).feature("a").orElseThrow();
    assertThat(a.decidedBy()).isEqualTo(DriftMethod.PSI);
    assertThat(a.driftDetected()).isEqualTo(a.score(DriftMethod.PSI) >= 0.2);
    DriftSettings ks = new DriftSettings(50, DriftRule.of("ks", 0.05), 0.5);
    ModelDrift report = DriftEvaluator.evaluate(p, s, ks, 0);
    FeatureDrift ksA = report.feature("a").orElseThrow();
    assertThat(ksA.decidedBy()).isEqualTo(DriftMethod.KS);
    assertThat(ksA.driftDetected()).isEqualTo(ksA.pValue(DriftMethod.KS) < 0.05).isTrue();
    FeatureDrift ksC = report.feature("c").orElseThrow();
    assertThat(ksC.decidedBy())
        .as("ks cannot judge a categorical feature: auto decides it")
        .isEqualTo(DriftMethod.JENSEN_SHANNON);
  }

  @Test
  void rules_are_parsed_from_the_config_and_checked() {
    assertThat(DriftRule.of("auto", Double.NaN).isAuto()).isTrue();
    assertThat(DriftRule.of("jensen_shannon", 0.1))
        .isEqualTo(DriftRule.fixed(DriftMethod.JENSEN_SHANNON, 0.1));
    assertThatThrownBy(() -> DriftRule.of("chi2", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DriftRule.of("kl", 0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void no_value_of_a_report_is_nan_even_for_degenerate_data() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < 10; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("constant", 5.0);
      row.put("one", "only");
      row.put("score", 0.5);
      b.addValueRow(row);
    }
    ReferenceProfile p = b.build();
    DriftWindow w = new DriftWindow(p, 100);
    for (int i = 0; i < 20; i++) {
      w.beginRow(i);
      w.setNumeric(0, i % 2 == 0 ? 5.0 : 1e300);
      w.setCategory(1, p.feature(1).binOf("other"));
      w.setScore(0.5);
    }
    ModelDrift report =
        DriftEvaluator.evaluate(p, w.snapshot(), new DriftSettings(1, DriftRule.auto(), 0.5), 0);
    assertThat(report.features()).hasSize(2);
    for (FeatureDrift f : report.features()) {
      f.scores().values().forEach(v -> assertThat(v).isFinite());
      f.pValues().values().forEach(v -> assertThat(v).isBetween(0.0, 1.0));
      f.bins().forEach(bin -> assertThat(bin.current()).isFinite());
      assertThat(f.driftDetected()).isTrue();
    }
    FeatureDrift score = report.predictionDrift().orElseThrow();
    score.scores().values().forEach(v -> assertThat(v).isFinite());
    assertThat(score.driftDetected()).isFalse();
  }

  @Test
  void a_window_of_another_profile_is_refused() {
    ReferenceProfile p = profile();
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    b.addValueRow(Map.of("q", 1.0));
    WindowSample other = new DriftWindow(b.build(), 10).snapshot();
    assertThatThrownBy(() -> DriftEvaluator.evaluate(p, other, AUTO, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
