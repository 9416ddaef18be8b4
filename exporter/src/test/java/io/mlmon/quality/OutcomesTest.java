package io.mlmon.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutcomesTest {
  @Test
  void the_confusion_cells_follow_decision_and_label() {
    assertThat(Outcome.of(true, true)).isEqualTo(Outcome.TP);
    assertThat(Outcome.of(true, false)).isEqualTo(Outcome.FP);
    assertThat(Outcome.of(false, true)).isEqualTo(Outcome.FN);
    assertThat(Outcome.of(false, false)).isEqualTo(Outcome.TN);
  }

  @Test
  void expected_outcomes_split_each_prediction_by_its_score() {
    double[] sums = new double[4];
    ExpectedOutcomes.add(sums, true, 0.9);
    ExpectedOutcomes.add(sums, false, 0.2);
    ExpectedOutcomes.add(sums, true, 0.6);
    assertThat(sums[Outcome.TP.ordinal()]).isCloseTo(1.5, within(1e-12));
    assertThat(sums[Outcome.FP.ordinal()]).isCloseTo(0.5, within(1e-12));
    assertThat(sums[Outcome.FN.ordinal()]).isCloseTo(0.2, within(1e-12));
    assertThat(sums[Outcome.TN.ordinal()]).isCloseTo(0.8, within(1e-12));
    assertThat(sums[0] + sums[1] + sums[2] + sums[3])
        .as("one per prediction")
        .isCloseTo(3, within(1e-12));
  }

  @Test
  void a_score_outside_zero_one_is_no_probability() {
    assertThat(ExpectedOutcomes.isProbability(1.5)).isFalse();
    assertThat(ExpectedOutcomes.isProbability(Double.NaN)).isFalse();
    assertThatThrownBy(() -> ExpectedOutcomes.add(new double[4], true, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void prediction_keys_differ_by_model_and_id() {
    assertThat(PredictionKey.of("fraud", "tx-1")).isNotEqualTo(PredictionKey.of("fraud", "tx-2"));
    assertThat(PredictionKey.of("fraud", "tx-1")).isNotEqualTo(PredictionKey.of("churn", "tx-1"));
    assertThat(PredictionKey.of("ab", "c")).isNotEqualTo(PredictionKey.of("a", "bc"));
    assertThat(PredictionKey.of("fraud", "tx-1")).isEqualTo(PredictionKey.of("fraud", "tx-1"));
  }
}
