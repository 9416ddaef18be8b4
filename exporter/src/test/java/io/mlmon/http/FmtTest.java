package io.mlmon.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
  @Test
  void counts_get_thousands_separators() {
    assertThat(Fmt.count(12_862)).isEqualTo("12,862");
    assertThat(Fmt.count(443.6)).isEqualTo("444");
  }

  @Test
  void percentages_keep_about_three_significant_digits() {
    assertThat(Fmt.percent(0.5)).isEqualTo("50.0 %");
    assertThat(Fmt.percent(0.0166)).isEqualTo("1.66 %");
    assertThat(Fmt.percent(0.0003)).isEqualTo("0.030 %");
    assertThat(Fmt.percent(0)).isEqualTo("0.0 %");
    assertThat(Fmt.percent(1, 0)).isEqualTo(Fmt.NONE);
  }

  @Test
  void statistics_switch_to_scientific_notation_for_tiny_p_values() {
    assertThat(Fmt.stat(0.62463)).isEqualTo("0.625");
    assertThat(Fmt.stat(7.4997e-146)).isEqualTo("7.50e-146");
    assertThat(Fmt.stat(704.49)).isEqualTo("704.5");
    assertThat(Fmt.stat(0)).isEqualTo("0");
  }

  @Test
  void sizes_durations_and_edges_are_short() {
    assertThat(Fmt.bytes(0)).isEqualTo("0 B");
    assertThat(Fmt.bytes(12_595)).isEqualTo("12.3 KiB");
    assertThat(Fmt.duration(192_000)).isEqualTo("3m 12s");
    assertThat(Fmt.duration(7_500_000)).isEqualTo("2h 5m");
    assertThat(Fmt.edge(25.30)).isEqualTo("25.3");
    assertThat(Fmt.edge(1234.5678)).isEqualTo("1235");
    assertThat(Fmt.edge(0.000123456)).isEqualTo("0.0001235");
  }
}
