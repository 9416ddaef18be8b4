package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import io.mlmon.config.FieldMapping;
import io.mlmon.ingest.ParsedEvent.ValueKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventParserTest {
  private final EventParser parser = new EventParser(FieldMapping.DEFAULTS, 100);

  private Rejection parse(EventParser p, String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    // Parse from the middle of a bigger buffer, as the tailer hands lines on.
    byte[] buf = new byte[bytes.length + 10];
    System.arraycopy(bytes, 0, buf, 5, bytes.length);
    return p.parse(buf, 5, bytes.length);
  }

  private Rejection parse(String line) {
    return parse(parser, line);
  }

  @Test
  void reads_the_prediction_of_the_contract() {
    assertThat(
            parse(
                "{\"ts\":\"2026-11-26T07:42:56.123Z\",\"model\":\"fraud\",\"version\":\"v3\","
                    + "\"id\":\"tx-8812\",\"features\":{\"amount\":129.5,\"hour\":3,"
                    + "\"account_age_days\":41.2,\"merchant_category\":\"online\"},"
                    + "\"score\":0.91,\"flagged\":true,\"latency_ms\":12.4}"))
        .isNull();
    ParsedEvent e = parser.event();
    assertThat(e.isLabel()).isFalse();
    assertThat(e.model()).isEqualTo("fraud");
    assertThat(e.version()).isEqualTo("v3");
    assertThat(e.id()).isEqualTo("tx-8812");
    assertThat(e.hasTime()).isTrue();
    assertThat(e.timeMillis()).isEqualTo(Instant.parse("2026-11-26T07:42:56.123Z").toEpochMilli());
    assertThat(e.score()).isEqualTo(0.91);
    assertThat(e.flagged()).isEqualTo((byte) 1);
    assertThat(e.latencyMs()).isEqualTo(12.4);
    assertThat(e.error()).isNull();
    ParsedEvent.Features f = e.features();
    assertThat(f.count()).isEqualTo(4);
    assertThat(f.name(0)).isEqualTo("amount");
    assertThat(f.kind(0)).isEqualTo(ValueKind.NUMBER);
    assertThat(f.number(0)).isEqualTo(129.5);
    assertThat(f.number(1)).isEqualTo(3.0);
    assertThat(f.kind(3)).isEqualTo(ValueKind.STRING);
    assertThat(f.string(3)).isEqualTo("online");
  }

  @Test
  void reads_the_label_of_the_contract() {
    assertThat(
            parse(
                "{\"type\":\"label\",\"ts\":\"2026-11-29T10:00:00Z\",\"model\":\"fraud\","
                    + "\"id\":\"tx-8812\",\"label\":true}"))
        .isNull();
    ParsedEvent e = parser.event();
    assertThat(e.isLabel()).isTrue();
    assertThat(e.labelValue()).isEqualTo((byte) 1);
    assertThat(e.flagged()).isEqualTo(ParsedEvent.ABSENT);
  }

  @Test
  void optional_fields_may_be_absent_or_null() {
    assertThat(parse("{\"model\":\"m\",\"version\":null,\"score\":null,\"error\":null}")).isNull();
    ParsedEvent e = parser.event();
    assertThat(e.version()).isNull();
    assertThat(e.hasTime()).isFalse();
    assertThat(e.hasScore()).isFalse();
    assertThat(e.hasLatency()).isFalse();
    assertThat(e.flagged()).isEqualTo(ParsedEvent.ABSENT);
    assertThat(e.features().count()).isZero();
  }

  @Test
  void the_event_is_reset_between_lines() {
    parse("{\"model\":\"a\",\"id\":\"1\",\"score\":0.3,\"error\":\"E\",\"features\":{\"x\":1}}");
    parse("{\"model\":\"b\"}");
    ParsedEvent e = parser.event();
    assertThat(e.model()).isEqualTo("b");
    assertThat(e.id()).isNull();
    assertThat(e.hasScore()).isFalse();
    assertThat(e.error()).isNull();
    assertThat(e.features().count()).isZero();
  }

  @Test
  void epoch_seconds_and_numeric_ids_and_zero_one_booleans_are_accepted() {
    assertThat(
            parse(
                "{\"model\":\"m\",\"ts\":1795678976.25,\"id\":8812,\"flagged\":0,"
                    + "\"type\":\"label\",\"label\":1}"))
        .isNull();
    ParsedEvent e = parser.event();
    assertThat(e.timeMillis()).isEqualTo(1_795_678_976_250L);
    assertThat(e.id()).isEqualTo("8812");
    assertThat(e.flagged()).isEqualTo((byte) 0);
    assertThat(e.labelValue()).isEqualTo((byte) 1);
  }

  @Test
  void feature_values_of_every_kind_are_kept_for_data_quality() {
    assertThat(
            parse(
                "{\"model\":\"m\",\"features\":{\"n\":1e400,\"s\":\"x\",\"b\":true,\"z\":null,"
                    + "\"o\":{\"deep\":[1,2]},\"a\":[1]}}"))
        .isNull();
    ParsedEvent.Features f = parser.event().features();
    assertThat(f.count()).isEqualTo(6);
    assertThat(f.kind(0)).isEqualTo(ValueKind.NUMBER);
    assertThat(f.number(0)).isInfinite();
    assertThat(f.kind(1)).isEqualTo(ValueKind.STRING);
    assertThat(f.kind(2)).isEqualTo(ValueKind.BOOLEAN);
    assertThat(f.number(2)).isEqualTo(1.0);
    assertThat(f.kind(3)).isEqualTo(ValueKind.NULL);
    assertThat(f.kind(4)).isEqualTo(ValueKind.OTHER);
    assertThat(f.kind(5)).isEqualTo(ValueKind.OTHER);
  }

  @Test
  void features_past_the_limit_are_dropped_and_counted() {
    EventParser small = new EventParser(FieldMapping.DEFAULTS, 2);
    assertThat(parse(small, "{\"model\":\"m\",\"features\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}"))
        .isNull();
    assertThat(small.event().features().count()).isEqualTo(2);
    assertThat(small.event().features().dropped()).isEqualTo(2);
  }

  @Test
  void a_custom_mapping_reads_nested_objects_and_arrays() {
    FieldMapping mapping =
        new FieldMapping(
            JsonPointer.compile("/kind"),
            JsonPointer.compile("/meta/time"),
            JsonPointer.compile("/meta/model/name"),
            JsonPointer.compile("/meta/model/rev"),
            JsonPointer.compile("/request/id"),
            JsonPointer.compile("/request/inputs"),
            JsonPointer.compile("/response/outputs/0/probability"),
            JsonPointer.compile("/response/decision"),
            JsonPointer.compile("/truth"),
            JsonPointer.compile("/timing/ms"),
            JsonPointer.compile("/response/error/type"));
    EventParser custom = new EventParser(mapping, 10);
    assertThat(
            parse(
                custom,
                "{\"meta\":{\"time\":\"2026-01-01T00:00:00Z\",\"model\":{\"name\":\"fraud\","
                    + "\"rev\":\"7\"},\"ignored\":[1,{\"a\":2}]},"
                    + "\"request\":{\"id\":\"r1\",\"inputs\":{\"amount\":5}},"
                    + "\"response\":{\"outputs\":[{\"probability\":0.8},{\"probability\":0.1}],"
                    + "\"decision\":false,\"error\":{\"type\":\"OOM\"}},\"timing\":{\"ms\":3},"
                    + "\"model\":\"not this one\",\"score\":0.99}"))
        .isNull();
    ParsedEvent e = custom.event();
    assertThat(e.model()).isEqualTo("fraud");
    assertThat(e.version()).isEqualTo("7");
    assertThat(e.id()).isEqualTo("r1");
    assertThat(e.score()).isEqualTo(0.8);
    assertThat(e.flagged()).isEqualTo((byte) 0);
    assertThat(e.latencyMs()).isEqualTo(3.0);
    assertThat(e.error()).isEqualTo("OOM");
    assertThat(e.timeMillis()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThat(e.features().count()).isEqualTo(1);
    assertThat(e.features().name(0)).isEqualTo("amount");
  }

  @Test
  void broken_json_is_rejected_as_json() {
    for (String line :
        new String[] {
          "not json",
          "{",
          "{\"model\":\"m\"",
          "{\"model\":\"m\"} trailing",
          "{\"model\":\"m\",}",
          "   ",
          "{\"model\":'m'}",
          "{\"model\":\"m\"}{\"model\":\"m\"}",
          "[1,2"
        }) {
      assertThat(parse(line)).as(line).isEqualTo(Rejection.JSON);
    }
  }

  @Test
  void valid_json_that_is_no_event_is_rejected_as_schema() {
    for (String line :
        new String[] {
          "42",
          "[{\"model\":\"m\"}]",
          "{}",
          "{\"model\":\"\"}",
          "{\"model\":7}",
          "{\"model\":\"m\",\"version\":3}",
          "{\"model\":\"m\",\"score\":\"high\"}",
          "{\"model\":\"m\",\"flagged\":\"yes\"}",
          "{\"model\":\"m\",\"flagged\":2}",
          "{\"model\":\"m\",\"latency_ms\":-1}",
          "{\"model\":\"m\",\"latency_ms\":\"12\"}",
          "{\"model\":\"m\",\"ts\":\"yesterday\"}",
          "{\"model\":\"m\",\"ts\":true}",
          "{\"model\":\"m\",\"type\":\"feedback\"}",
          "{\"model\":\"m\",\"type\":\"label\",\"id\":\"x\"}",
          "{\"model\":\"m\",\"features\":[1,2]}",
          "{\"model\":\"m\",\"error\":{\"type\":\"E\"}}",
          "{\"model\":\"m\",\"id\":{\"a\":1}}",
          "{\"model\":\"m\",\"score\":1e400}"
        }) {
      assertThat(parse(line)).as(line).isEqualTo(Rejection.SCHEMA);
    }
  }

  @Test
  void invalid_utf8_is_rejected_as_encoding() {
    byte[] line =
        "{\"model\":\"m\",\"features\":{\"city\":\"Z?rich\"}}".getBytes(StandardCharsets.US_ASCII);
    line[line.length - 8] = (byte) 0xfc; // Latin-1 ü
    assertThat(parser.parse(line, 0, line.length)).isEqualTo(Rejection.ENCODING);
  }

  @Test
  void absurd_nesting_and_numbers_hit_a_limit() {
    assertThat(parse("{\"model\":\"m\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}"))
        .isEqualTo(Rejection.LIMIT);
    assertThat(parse("{\"model\":\"m\",\"score\":" + "9".repeat(500) + "}"))
        .isEqualTo(Rejection.LIMIT);
  }

  @Test
  void repeated_strings_are_shared_not_reallocated() {
    parse("{\"model\":\"fraud\",\"version\":\"v3\"}");
    String model = parser.event().model();
    parse("{\"model\":\"fraud\",\"version\":\"v3\"}");
    assertThat(parser.event().model()).isSameAs(model);
  }
}
