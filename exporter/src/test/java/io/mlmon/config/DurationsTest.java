package io.mlmon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parses_prometheus_durations() {
    assertThat(Durations.parse("15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    assertThat(Durations.parse("1y")).isEqualTo(Duration.ofDays(365));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejects_what_prometheus_rejects() {
    for (String bad : new String[] {"", "15", "1.5h", "5 m", "1m1h", "1s1s", "-5s", "1H"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a duration");
    }
    assertThatThrownBy(() -> Durations.parse("99999999999999999999y"))
        .hasMessageContaining("too long");
  }

  @Test
  void formats_what_parses_back_to_the_same_duration() {
    for (String text : new String[] {"15s", "1h30m", "30d", "1w", "250ms", "1y2d", "90m"}) {
      Duration d = Durations.parse(text);
      assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("4w2d");
  }
}
