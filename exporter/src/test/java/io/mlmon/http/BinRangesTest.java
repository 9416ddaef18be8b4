package io.mlmon.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinRangesTest {
  @Test
  void inner_edges_become_closed_above_ranges() {
    assertThat(BinRanges.ranges(new double[] {1.5, 10, 123.456}, 4))
        .containsExactly("≤ 1.5", "1.5 – 10", "10 – 123.5", "> 123.5");
  }

  @Test
  void edges_that_do_not_match_the_bins_give_no_ranges() {
    assertThat(BinRanges.ranges(new double[] {1, 2}, 5)).isEmpty();
    assertThat(BinRanges.ranges(new double[0], 1)).containsExactly("all values");
  }

  @Test
  void unknown_models_and_features_have_no_ranges() {
    assertThat(BinRanges.NONE.feature("fraud", "amount")).isEmpty();
    assertThat(BinRanges.NONE.score("fraud")).isEmpty();
  }
}
