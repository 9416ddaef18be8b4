package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftWindowTest {
  /** A profile with a numeric feature "x" (index 0) and a categorical "c" (index 1). */
  static ReferenceProfile profile() {
    ReferenceProfileBuilder b = new ReferenceProfileBuilder(ProfileOptions.DEFAULTS);
    for (int i = 0; i < 100; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("x", (double) i);
      row.put("c", i % 2 == 0 ? "even" : "odd");
      row.put("score", i / 100.0);
      b.addValueRow(row);
    }
    ReferenceProfile p = b.build();
    assertThat(p.indexOf("x")).isZero();
    assertThat(p.indexOf("c")).isEqualTo(1);
    return p;
  }

  @Test
  void the_window_keeps_only_the_newest_max_samples_rows() {
    DriftWindow w = new DriftWindow(profile(), 3);
    for (int i = 1; i <= 5; i++) {
      w.beginRow(i);
      w.setNumeric(0, i);
      w.setCategory(1, i % 2);
      w.setScore(i / 10.0);
    }
    assertThat(w.size()).isEqualTo(3);
    WindowSample s = w.snapshot();
    assertThat(s.rows()).isEqualTo(3);
    assertThat(s.numericValues(0)).containsExactly(3, 4, 5);
    assertThat(s.binCounts(1)).containsExactly(1, 2, 0);
    assertThat(s.scores()).containsExactly(0.3, 0.4, 0.5);
    assertThat(s.oldestMillis()).hasValue(3);
    assertThat(s.newestMillis()).hasValue(5);
  }

  /** A full row is not cleared first: what it sets, missing values included, is all it holds. */
  @Test
  void a_full_row_holds_what_was_set_and_nothing_of_the_row_it_replaced() {
    DriftWindow w = new DriftWindow(profile(), 2);
    for (int i = 1; i <= 2; i++) {
      w.beginFullRow(i);
      w.setNumeric(0, i);
      w.setCategory(1, 1);
      w.setScore(i / 10.0);
    }
    // Both slots are reused: the first row with every value missing, the second non-finite.
    w.beginFullRow(3);
    w.setMissing(0);
    w.setMissing(1);
    w.beginFullRow(4);
    w.setNumeric(0, Double.POSITIVE_INFINITY);
    w.setCategory(1, 0);
    WindowSample s = w.snapshot();
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.numericValues(0)).isEmpty();
    assertThat(s.binCounts(1)).containsExactly(1, 0, 0);
    assertThat(s.scores()).as("a score never set is missing").isEmpty();
  }

  @Test
  void rows_older_than_the_cutoff_leave_even_when_they_arrived_late() {
    DriftWindow w = new DriftWindow(profile(), 100);
    long[] times = {10, 20, 5, 30};
    for (long t : times) {
      w.beginRow(t);
      w.setNumeric(0, t);
    }
    w.evictOlderThan(15);
    assertThat(w.size()).as("the late row waits behind newer ones").isEqualTo(3);
    assertThat(w.snapshot().numericValues(0)).containsExactly(20, 30);
    w.evictOlderThan(100);
    assertThat(w.size()).isZero();
    assertThat(w.snapshot().rows()).isZero();
    assertThat(w.snapshot().oldestMillis()).isEmpty();
    assertThatThrownBy(() -> w.setNumeric(0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void missing_and_non_finite_values_are_not_values() {
    DriftWindow w = new DriftWindow(profile(), 10);
    w.beginRow(1);
    w.setNumeric(0, Double.NaN);
    w.setScore(Double.POSITIVE_INFINITY);
    w.beginRow(2);
    w.setNumeric(0, 7);
    WindowSample s = w.snapshot();
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.values(0)).isEqualTo(1);
    assertThat(s.values(1)).isZero();
    assertThat(s.scores()).isEmpty();
  }

  @Test
  void a_snapshot_is_an_immutable_copy() {
    DriftWindow w = new DriftWindow(profile(), 10);
    w.beginRow(1);
    w.setNumeric(0, 1);
    WindowSample s = w.snapshot();
    s.numericValues(0)[0] = 99;
    w.beginRow(2);
    w.setNumeric(0, 2);
    assertThat(s.numericValues(0)).containsExactly(1);
    assertThat(s.rows()).isEqualTo(1);
  }

  @Test
  void growing_beyond_the_first_capacity_keeps_arrival_order_across_the_ring() {
    ReferenceProfile profile = profile();
    int even = profile.feature(1).binOf("even");
    int odd = profile.feature(1).binOf("odd");
    DriftWindow w = new DriftWindow(profile, 5000);
    // Rows leave by age first, so the ring does not start at slot 0 when it grows.
    for (int i = 0; i < 1500; i++) {
      addRow(w, i, i < 2500 ? even : odd);
    }
    w.evictOlderThan(1000);
    for (int i = 1500; i < 7000; i++) {
      addRow(w, i, i < 2500 ? even : odd);
    }
    WindowSample sample = w.snapshot();
    double[] values = sample.numericValues(0);
    double[] scores = sample.scores();
    assertThat(values).hasSize(5000);
    assertThat(scores).hasSize(5000);
    for (int k = 0; k < values.length; k++) {
      assertThat(values[k]).isEqualTo(2000 + k);
      assertThat(scores[k]).isEqualTo((2000 + k) / 10_000.0);
    }
    long[] counts = sample.binCounts(1);
    assertThat(counts[even]).as("rows 2000 to 2499").isEqualTo(500);
    assertThat(counts[odd]).as("rows 2500 to 6999").isEqualTo(4500);
  }

  private static void addRow(DriftWindow w, int i, int bin) {
    w.beginRow(i);
    w.setNumeric(0, i);
    w.setCategory(1, bin);
    w.setScore(i / 10_000.0);
  }

  @Test
  void setters_check_the_row_the_feature_type_and_the_bin() {
    DriftWindow w = new DriftWindow(profile(), 10);
    assertThatThrownBy(() -> w.setScore(1)).isInstanceOf(IllegalStateException.class);
    w.beginRow(0);
    assertThatThrownBy(() -> w.setCategory(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.setNumeric(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.setCategory(1, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DriftWindow(profile(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
