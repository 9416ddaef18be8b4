package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.FieldMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the parser: whatever bytes a log holds, no exception escapes, and every line ends as
 * either an event or a counted rejection.
 */
class EventParserPropertiesTest {
  private final EventParser parser = new EventParser(FieldMapping.DEFAULTS, 20);

  private static final String[] KEYS = {
    "model",
    "version",
    "id",
    "ts",
    "type",
    "score",
    "flagged",
    "label",
    "latency_ms",
    "error",
    "features",
    "x"
  };

  @Property(seed = "20261126", tries = 3000)
  void random_bytes_never_throw(@ForAll @Size(max = 600) byte[] line) {
    Rejection r = parser.parse(line, 0, line.length);
    if (r == null) {
      assertThat(parser.event().model()).isNotEmpty();
    }
  }

  @Property(seed = "20261126", tries = 1000)
  void random_json_never_throws_and_events_always_have_a_model(@ForAll("json") String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Rejection r = parser.parse(bytes, 0, bytes.length);
    if (r == null) {
      ParsedEvent e = parser.event();
      assertThat(e.model()).isNotEmpty();
      assertThat(e.hasScore() ? Double.isFinite(e.score()) : true).isTrue();
      assertThat(e.hasLatency() ? e.latencyMs() >= 0 : true).isTrue();
      assertThat(e.features().count()).isLessThanOrEqualTo(20);
    }
  }

  @Property(seed = "20261126", tries = 1000)
  void damaged_valid_lines_never_throw(
      @ForAll("json") String line,
      @ForAll @IntRange(min = 0, max = 400) int cut,
      @ForAll byte noise,
      @ForAll @IntRange(min = 0, max = 400) int at) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    int length = Math.min(cut, bytes.length);
    if (length > 0) {
      bytes[at % length] = noise;
    }
    parser.parse(bytes, 0, length);
  }

  @Property(seed = "20261126", tries = 300)
  void every_line_is_an_event_or_a_counted_rejection(
      @ForAll @Size(min = 1, max = 50) List<@net.jqwik.api.From("anyLine") String> lines) {
    List<String> events = new ArrayList<>();
    SourceReader reader =
        new SourceReader(
            new LogTailer(
                "fuzz",
                java.nio.file.Path.of("/nonexistent/none"),
                1 << 20,
                StartPosition.beginning()),
            new EventParser(FieldMapping.DEFAULTS, 20),
            (event, readTime) -> events.add(event.model()),
            () -> 0L);
    for (String line : lines) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      reader.onLine(b, 0, b.length);
    }
    assertThat(events.size() + reader.snapshot().rejectedTotal()).isEqualTo(lines.size());
  }

  @Provide
  Arbitrary<String> anyLine() {
    return Arbitraries.oneOf(json(), Arbitraries.strings().ofMaxLength(80));
  }

  @Provide
  Arbitrary<String> json() {
    return Arbitraries.maps(Arbitraries.of(KEYS), value(2))
        .ofMaxSize(8)
        .map(EventParserPropertiesTest::object);
  }

  private Arbitrary<String> value(int depth) {
    List<Arbitrary<String>> choices = new ArrayList<>();
    choices.add(Arbitraries.strings().ofMaxLength(12).map(EventParserPropertiesTest::quote));
    choices.add(
        Arbitraries.of("fraud", "label", "prediction", "2026-11-26T07:42:56Z", "")
            .map(EventParserPropertiesTest::quote));
    choices.add(Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "1e999"));
    choices.add(Arbitraries.integers().map(String::valueOf));
    choices.add(
        Arbitraries.of(
            "true", "false", "null", "0", "1", "-0", "1e400", "12345678901234567890123"));
    if (depth > 0) {
      choices.add(value(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"));
      choices.add(
          Arbitraries.maps(Arbitraries.of(KEYS), value(depth - 1))
              .ofMaxSize(4)
              .map(EventParserPropertiesTest::object));
    }
    return Arbitraries.oneOf(choices);
  }

  private static String object(Map<String, String> members) {
    List<String> parts = new ArrayList<>();
    members.forEach((k, v) -> parts.add(quote(k) + ":" + v));
    return "{" + String.join(",", parts) + "}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
