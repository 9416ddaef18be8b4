package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader remembers a time's date and minute; what it returns is never affected by that. */
class TimestampReaderTest {
  private static final String[] MINUTES = {
    "2026-11-26T07:42", "2026-11-26T07:43", "2026-11-26 07:42", "2024-02-29T23:59",
    "2026-02-29T00:00", "2026-13-01T00:00", "2026-11-26T24:00", "2026-11-26T07:4x",
    "1969-12-31T23:59", "9999-12-31T23:59", "2026-11-26X07:42", "2026-11-26T07-42"
  };

  private static final String[] REST = {
    ":56.123Z", ":56Z", ":00.5+01:00", ":59.123456789z", ":60Z", ":61Z", ":5xZ", ":56.Z",
    ":56+0100", "-56Z", ":56", ":56.123-05:30", ":59.999+00:00", ":00Z", ":56.1", ":5"
  };

  @Test
  void gives_what_parsing_each_time_alone_gives() {
    Random random = new Random(20261127);
    TimestampReader reader = new TimestampReader();
    int remembered = 0;
    String previous = "";
    for (int i = 0; i < 50_000; i++) {
      // Runs of the same minute, as in a log, and now and then another one.
      String minute =
          random.nextInt(10) < 8 && !previous.isEmpty()
              ? previous
              : MINUTES[random.nextInt(MINUTES.length)];
      previous = minute;
      String text = minute + REST[random.nextInt(REST.length)];
      byte[] line = ("{\"ts\":\"" + text + "\"}").getBytes(StandardCharsets.US_ASCII);
      int off = 7;
      long expected = Timestamps.parseRfc3339(line, off, text.length());
      assertThat(reader.parse(line, off, text.length())).as(text).isEqualTo(expected);
      if (expected != Long.MIN_VALUE) {
        remembered++;
      }
    }
    assertThat(remembered).as("valid times among them").isGreaterThan(10_000);
  }
}
