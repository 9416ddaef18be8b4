package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinsTest {
  @Test
  void numeric_labels_are_zero_padded_indexes_at_least_two_digits_wide() {
    assertThat(Bins.numericLabels(2)).containsExactly("00", "01");
    assertThat(Bins.numericLabels(10)).startsWith("00", "01").endsWith("09");
    assertThat(Bins.numericLabels(101)).startsWith("000").endsWith("099", "100");
  }

  @Test
  void bins_are_right_closed_and_the_outer_ones_open() {
    double[] edges = {1, 2, 3};
    assertThat(Bins.searchLeft(edges, -1e300)).isZero();
    assertThat(Bins.searchLeft(edges, 1)).isZero();
    assertThat(Bins.searchLeft(edges, Math.nextUp(1.0))).isEqualTo(1);
    assertThat(Bins.searchLeft(edges, 3)).isEqualTo(2);
    assertThat(Bins.searchLeft(edges, 3.5)).isEqualTo(3);
    assertThat(Bins.countSorted(edges, new double[] {0, 1, 1.5, 2, 3, 4, 5}))
        .containsExactly(2, 2, 1, 2);
  }

  @Test
  void repeated_quantiles_collapse_into_fewer_edges() {
    double[] sorted = {1, 1, 1, 1, 1, 1, 1, 1, 2, 3};
    // numpy.unique(numpy.quantile(sorted, numpy.arange(1, 10) / 10)), to the last bit.
    assertThat(Bins.quantileEdges(sorted, 10))
        .containsExactly(1.0, 1.2000000000000002, 2.0999999999999996);
    assertThat(Bins.quantileEdges(new double[] {4}, 10)).containsExactly(4.0);
    assertThat(Bins.quantileEdges(new double[0], 10)).isEmpty();
  }

  @Test
  void quantile_interpolates_linearly_like_numpy() {
    double[] sorted = {0, 10, 20, 30};
    assertThat(Bins.quantile(sorted, 0.5)).isEqualTo(15.0);
    assertThat(Bins.quantile(sorted, 0.1))
        .isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Bins.quantile(sorted, 1.0)).isEqualTo(30.0);
  }
}
