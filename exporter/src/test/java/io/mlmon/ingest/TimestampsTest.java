package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static long millis(String iso) {
    return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
  }

  @Test
  void parses_rfc_3339_with_zone_and_fraction() {
    assertThat(Timestamps.parseRfc3339("2026-11-26T07:42:56.123Z"))
        .isEqualTo(millis("2026-11-26T07:42:56.123Z"));
    assertThat(Timestamps.parseRfc3339("2026-11-26T07:42:56Z"))
        .isEqualTo(millis("2026-11-26T07:42:56Z"));
    assertThat(Timestamps.parseRfc3339("2026-11-26T08:42:56.5+01:00"))
        .isEqualTo(millis("2026-11-26T07:42:56.500Z"));
    assertThat(Timestamps.parseRfc3339("2026-11-26t07:42:56.123456789z"))
        .isEqualTo(millis("2026-11-26T07:42:56.123Z"));
    assertThat(Timestamps.parseRfc3339("2024-02-29 23:59:59-05:30"))
        .isEqualTo(millis("2024-03-01T05:29:59Z"));
  }

  @Test
  void rejects_what_is_not_rfc_3339() {
    for (String bad :
        new String[] {
          "2026-11-26",
          "2026-11-26T07:42:56",
          "2026-13-01T00:00:00Z",
          "2026-02-29T00:00:00Z",
          "2026-11-26T24:00:00Z",
          "2026-11-26T07:42:56.Z",
          "2026-11-26T07:42:56+0100",
          "yesterday at noon ok",
          "1969-12-31T23:59:59Z"
        }) {
      assertThat(Timestamps.parseRfc3339(bad)).as(bad).isEqualTo(Long.MIN_VALUE);
    }
  }

  @Test
  void agrees_with_java_time_on_random_instants() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      long m = (long) (random.nextDouble() * 253_402_300_799_000L);
      String text = Instant.ofEpochMilli(m).toString();
      assertThat(Timestamps.parseRfc3339(text)).as(text).isEqualTo(m);
    }
  }

  @Test
  void reads_epoch_seconds_with_fraction() {
    assertThat(Timestamps.fromEpochSeconds(1_795_678_976.123)).isEqualTo(1_795_678_976_123L);
    assertThat(Timestamps.fromEpochSeconds(Double.NaN)).isEqualTo(Long.MIN_VALUE);
    assertThat(Timestamps.fromEpochSeconds(-1)).isEqualTo(Long.MIN_VALUE);
    assertThat(Timestamps.fromEpochSeconds(1e20)).isEqualTo(Long.MIN_VALUE);
  }
}
