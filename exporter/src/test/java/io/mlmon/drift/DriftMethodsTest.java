package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DriftMethodsTest {
  @Test
  void psi_is_zero_for_identical_distributions() {
    double[] p = {0.1, 0.2, 0.3, 0.4};
    assertThat(DriftMethods.psi(p, p.clone())).isZero();
  }

  @Test
  void psi_replaces_an_empty_share_by_the_smoothing_share() {
    double[] p = {1, 0};
    double[] q = {0.5, 0.5};
    double expected = (1 - 0.5) * Math.log(1 / 0.5) + (0.0001 - 0.5) * Math.log(0.0001 / 0.5);
    assertThat(DriftMethods.psi(p, q)).isCloseTo(expected, within(1e-15));
    assertThat(DriftMethods.psi(new double[0], new double[0])).isZero();
  }

  @Test
  void jensen_shannon_is_zero_for_identical_and_root_ln2_for_disjoint_distributions() {
    assertThat(DriftMethods.jensenShannon(new double[] {0.3, 0.7}, new double[] {0.3, 0.7}))
        .isZero();
    assertThat(DriftMethods.jensenShannon(new double[] {1, 0}, new double[] {0, 1}))
        .isCloseTo(Math.sqrt(Math.log(2)), within(1e-15));
  }

  @Test
  void jensen_shannon_normalises_counts_and_gives_zero_for_an_empty_distribution() {
    assertThat(DriftMethods.jensenShannon(new double[] {3, 7}, new double[] {0.3, 0.7})).isZero();
    assertThat(DriftMethods.jensenShannon(new double[] {0, 0}, new double[] {0.5, 0.5})).isZero();
  }

  @Test
  void chi2_of_an_empty_window_is_no_evidence() {
    assertThat(DriftMethods.chi2(new long[] {0, 0, 0}, new double[] {0.2, 0.3, 0.5}))
        .isEqualTo(TestResult.NO_EVIDENCE);
    assertThat(DriftMethods.chi2(new long[] {5}, new double[] {1}))
        .isEqualTo(TestResult.NO_EVIDENCE);
  }

  @Test
  void chi2_counts_an_empty_reference_bin_as_the_smoothing_share_renormalised() {
    long[] counts = {50, 40, 10};
    double[] q = {0.5, 0.5, 0};
    double total = 1.0001;
    double stat = 0;
    double[] smoothed = {0.5 / total, 0.5 / total, 0.0001 / total};
    for (int i = 0; i < 3; i++) {
      double e = 100 * smoothed[i];
      stat += (counts[i] - e) * (counts[i] - e) / e;
    }
    TestResult r = DriftMethods.chi2(counts, q);
    assertThat(r.statistic()).isCloseTo(stat, within(1e-9 * stat));
    assertThat(r.pValue()).isBetween(0.0, 1e-10);
  }

  @Test
  void ks_of_identical_samples_is_zero_with_p_value_one() {
    double[] r = {1, 2, 3, 4, 5};
    assertThat(DriftMethods.ks(r, r.clone())).isEqualTo(new TestResult(0, 1));
  }

  @Test
  void ks_compares_the_cdfs_after_every_distinct_value_so_ties_count_once() {
    // After 1: F_r = 2/3, F_c = 1/3; after 2 both are 1.
    TestResult r = DriftMethods.ks(new double[] {1, 1, 2}, new double[] {1, 2, 2});
    assertThat(r.statistic()).isCloseTo(1.0 / 3, within(1e-15));
    // Disjoint samples: D = 1 and the exact p-value is 2 / C(4, 2).
    TestResult disjoint = DriftMethods.ks(new double[] {1, 2}, new double[] {3, 4});
    assertThat(disjoint.statistic()).isEqualTo(1.0);
    assertThat(disjoint.pValue()).isCloseTo(2.0 / 6, within(1e-12));
  }

  @Test
  void ks_of_an_empty_sample_is_no_evidence() {
    assertThat(DriftMethods.ks(new double[0], new double[] {1})).isEqualTo(TestResult.NO_EVIDENCE);
  }

  @Test
  void the_sample_methods_reject_unsorted_or_non_finite_samples() {
    assertThatThrownBy(() -> DriftMethods.ks(new double[] {2, 1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted");
    assertThatThrownBy(
            () -> DriftMethods.wasserstein(new double[] {1, Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-finite");
  }

  @Test
  void wasserstein_is_the_area_between_the_cdfs_divided_by_the_reference_std() {
    assertThat(DriftMethods.wassersteinDistance(new double[] {0, 1, 3}, new double[] {5, 6, 8}))
        .isCloseTo(5.0, within(1e-12));
    // std([0, 2]) = 1: the normalised score equals the distance.
    assertThat(DriftMethods.wasserstein(new double[] {0, 2}, new double[] {1, 3}))
        .isCloseTo(1.0, within(1e-12));
    // A constant reference divides by 0.001.
    assertThat(DriftMethods.wasserstein(new double[] {5, 5}, new double[] {6}))
        .isCloseTo(1000.0, within(1e-9));
    assertThat(DriftMethods.wasserstein(new double[0], new double[] {1})).isZero();
  }

  @Test
  void no_method_returns_nan_whatever_the_input() {
    Random random = new Random(3);
    for (int trial = 0; trial < 500; trial++) {
      double[] r = sample(random, random.nextInt(4));
      double[] c = sample(random, random.nextInt(4));
      assertThat(DriftMethods.ks(r, c).pValue()).isBetween(0.0, 1.0);
      assertThat(DriftMethods.wasserstein(r, c)).isNotNaN().isGreaterThanOrEqualTo(0);
      int bins = 1 + random.nextInt(3);
      long[] counts = new long[bins];
      double[] p = new double[bins];
      double[] q = new double[bins];
      for (int i = 0; i < bins; i++) {
        counts[i] = random.nextInt(3);
        p[i] = random.nextInt(2);
        q[i] = random.nextInt(2);
      }
      assertThat(DriftMethods.psi(p, q)).isNotNaN();
      assertThat(DriftMethods.jensenShannon(p, q)).isNotNaN();
      TestResult chi2 = DriftMethods.chi2(counts, q);
      assertThat(chi2.statistic()).isNotNaN();
      assertThat(chi2.pValue()).isBetween(0.0, 1.0);
    }
    double[] huge = {-Double.MAX_VALUE, Double.MAX_VALUE};
    assertThat(DriftMethods.wasserstein(huge, new double[] {0})).isNotNaN();
  }

  private static double[] sample(Random random, int size) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = random.nextInt(3) == 0 ? 7 : random.nextGaussian();
    }
    Arrays.sort(out);
    return out;
  }

  @Test
  void std_is_the_population_standard_deviation() {
    assertThat(DriftMethods.std(new double[] {2, 4, 4, 4, 5, 5, 7, 9})).isEqualTo(2.0);
    assertThat(DriftMethods.std(new double[0])).isZero();
  }
}
