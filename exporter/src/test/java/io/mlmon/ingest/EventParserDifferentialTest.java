package io.mlmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import io.mlmon.config.FieldMapping;
import io.mlmon.demo.LogGenerator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing: the byte-level {@link EventParser} against the Jackson-based parser it
 * replaced ({@link JacksonEventParser}), on generated log lines, damaged log lines, random JSON
 * built to hit every rule and limit, and random bytes. Both must reject a line for the same reason,
 * or read the same event from it, to the bit.
 *
 * <p>One deliberate difference is left out: Jackson guessed UTF-16 or UTF-32 from NUL bytes among
 * a line's first four bytes (so {@code {\0"\0m\0...} could parse as UTF-16LE); log lines are UTF-8
 * (log-format.md), and the new parser rejects such a line as JSON.
 */
class EventParserDifferentialTest {
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
    "x",
    "mod\\u0065l",
    "\\u0069d",
    "f00",
    "f01",
    "",
    "é",
    "0",
    "1",
    "meta",
    "request",
    "response",
    "outputs",
    "probability",
    "inputs"
  };

  private static final FieldMapping NESTED =
      new FieldMapping(
          JsonPointer.compile("/kind"),
          JsonPointer.compile("/meta/time"),
          JsonPointer.compile("/meta/model"),
          JsonPointer.compile("/meta/rev"),
          JsonPointer.compile("/request/id"),
          JsonPointer.compile("/request/inputs"),
          JsonPointer.compile("/response/outputs/0/probability"),
          JsonPointer.compile("/response/outputs/1"),
          JsonPointer.compile("/truth"),
          JsonPointer.compile("/timing/ms"),
          JsonPointer.compile("/response/error/type"));

  private final EventParser parser = new EventParser(FieldMapping.DEFAULTS, 20);
  private final JacksonEventParser reference = new JacksonEventParser(FieldMapping.DEFAULTS, 20);
  private final EventParser nestedParser = new EventParser(NESTED, 5);
  private final JacksonEventParser nestedReference = new JacksonEventParser(NESTED, 5);

  @Property(seed = "20261126", tries = 3000)
  void generated_log_lines_read_the_same(
      @ForAll @IntRange(min = 0, max = 40) int features,
      @ForAll @IntRange(min = 1, max = 1000) int seed,
      @ForAll @IntRange(min = 1, max = 6) int skip) {
    LogGenerator generator =
        new LogGenerator(
            new LogGenerator.Spec(features, 0.5, seed, "m", 0, LogGenerator.DEFAULT_START_MILLIS));
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < skip; i++) {
      line.setLength(0);
      generator.nextLine(line);
    }
    assertSame(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "20261126", tries = 5000)
  void damaged_log_lines_read_the_same(
      @ForAll @IntRange(min = 0, max = 25) int features,
      @ForAll @IntRange(min = 1, max = 1000) int seed,
      @ForAll("damage") List<int[]> damage) {
    LogGenerator generator =
        new LogGenerator(
            new LogGenerator.Spec(features, 0.5, seed, "m", 0, LogGenerator.DEFAULT_START_MILLIS));
    StringBuilder line = new StringBuilder();
    generator.nextLine(line);
    byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
    for (int[] d : damage) {
      b = damage(b, d[0], d[1], d[2]);
    }
    assertSame(b);
  }

  @Property(seed = "20261126", tries = 5000)
  void random_json_reads_the_same(@ForAll("json") String line) {
    assertSame(line.getBytes(StandardCharsets.UTF_8));
  }

  @Property(seed = "20261126", tries = 2000)
  void random_json_with_a_nested_mapping_reads_the_same(@ForAll("nestedJson") String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertSame(nestedParser, nestedReference, b);
  }

  @Property(seed = "20261126", tries = 3000)
  void random_bytes_read_the_same(@ForAll @Size(max = 200) byte[] line) {
    assertSame(line);
  }

  @Property(seed = "20261126", tries = 2000)
  void json_alphabet_soup_reads_the_same(@ForAll("soup") String line) {
    assertSame(line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Lines of one shape with other values (of any type, any size) and now and then other spacing:
   * the new parser reads such lines by comparing the text between values with a recent line's (see
   * LineShapes), and must still agree with Jackson on every one.
   */
  @Property(seed = "20261126", tries = 1500)
  void lines_of_one_shape_with_other_values_read_the_same(
      @ForAll @IntRange(min = 0, max = 12) int features,
      @ForAll @IntRange(min = 1, max = 1000) int seed,
      @ForAll("valueLists") List<String> values,
      @ForAll @IntRange(min = 0, max = 3) int spacing) {
    LogGenerator generator =
        new LogGenerator(
            new LogGenerator.Spec(features, 0.5, seed, "m", 0, LogGenerator.DEFAULT_START_MILLIS));
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      line.setLength(0);
      generator.nextLine(line);
      assertSame(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    // The same shape with the values swapped for others, one at a time.
    String template = line.toString();
    List<int[]> spans = valueSpans(template);
    for (int v = 0; v < values.size() && v < spans.size(); v++) {
      int[] span = spans.get((v * 7) % spans.size());
      String space = spacing == 1 ? " " : spacing == 2 ? "\t " : "";
      String variant =
          template.substring(0, span[0]) + space + values.get(v) + template.substring(span[1]);
      if (spacing == 3 && v % 3 == 0) {
        variant = variant + " ";
      }
      assertSame(variant.getBytes(StandardCharsets.UTF_8));
      assertSame(template.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Where the scalar values of a generated line are (after each colon up to , or }). */
  private static List<int[]> valueSpans(String line) {
    List<int[]> spans = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == ':' && i + 1 < line.length() && line.charAt(i + 1) != '{') {
        int end = i + 1;
        boolean quoted = line.charAt(end) == '"';
        end++;
        while (end < line.length()) {
          char c = line.charAt(end);
          if (quoted ? c == '"' && line.charAt(end - 1) != '\\' : c == ',' || c == '}') {
            break;
          }
          end++;
        }
        spans.add(new int[] {i + 1, quoted ? Math.min(end + 1, line.length()) : end});
      }
    }
    return spans;
  }

  @Provide
  Arbitrary<List<String>> valueLists() {
    Arbitrary<String> keys = Arbitraries.of(KEYS);
    return value(2, keys).list().ofMinSize(1).ofMaxSize(10);
  }

  @Test
  void a_value_on_a_pointer_that_was_a_scalar_may_hold_the_field_in_the_next_line() {
    String[] lines = {
      "{\"meta\":{\"model\":\"fraud\"},\"response\":null,\"request\":7}",
      "{\"meta\":{\"model\":\"fraud\"},\"response\":{\"outputs\":[{\"probability\":0.8},true]},"
          + "\"request\":{\"id\":\"r1\",\"inputs\":{\"a\":1}}}",
      "{\"meta\":{\"model\":\"fraud\"},\"response\":null,\"request\":7}",
      "{\"meta\":{\"model\":\"fraud\"},\"response\":[1],\"request\":{\"inputs\":null}}",
      "{\"meta\":{\"model\":\"fraud\"},\"response\":{\"outputs\":[{\"probability\":0.8},true]},"
          + "\"request\":{\"id\":\"r1\",\"inputs\":{\"a\":1}}}",
      "{\"meta\":{\"model\":\"fraud\"},\"response\":{\"outputs\":[{\"probability\":0.8},true]},"
          + "\"request\":{\"id\":\"r1\",\"inputs\":{\"a\":{\"deep\":[1]}}}}"
    };
    for (int round = 0; round < 2; round++) {
      for (String line : lines) {
        assertSame(nestedParser, nestedReference, line.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void limits_are_hit_where_jackson_hit_them() {
    List<String> lines = new ArrayList<>();
    for (int n : new int[] {99, 100, 101}) {
      String digits = "7".repeat(n);
      for (String number :
          new String[] {
            digits,
            "-" + digits,
            "0." + digits,
            "1." + digits,
            digits + ".5",
            digits + "e1",
            "1e" + digits,
            "1." + digits + "e+1",
            digits + ".x",
            digits + "e",
            digits + ".",
            digits + "x",
            digits + "-"
          }) {
        lines.add("{\"model\":\"m\",\"score\":" + number + "}");
        lines.add("{\"model\":\"m\",\"x\":[" + number + "]}");
        lines.add("{\"model\":\"m\",\"features\":{\"a\":" + number + "}}");
        lines.add(number);
        lines.add(number + " ");
        lines.add("{\"model\":\"m\"} " + number);
        lines.add("{\"model\":\"m\"}" + number);
      }
    }
    for (int n : new int[] {49_998, 49_999, 50_000, 50_001}) {
      String k = "k".repeat(n);
      lines.add("{\"model\":\"m\",\"" + k + "\":1}");
      lines.add("{\"model\":\"m\",\"" + k + "\":");
      lines.add("{\"model\":\"m\",\"" + k);
      lines.add("{\"model\":\"m\",\"" + k.substring(5) + "\\u0065\":1}");
      lines.add("{\"model\":\"m\",\"" + k.substring(5) + "\\u00e9\":1}");
      lines.add("{\"model\":\"m\",\"" + k.substring(5) + "\\u20ac\":1}");
      lines.add("{\"model\":\"m\",\"" + "é".repeat(n / 2) + "\":1}");
      lines.add("{\"model\":\"m\",\"features\":{\"" + k + "\":1}}");
      lines.add("{\"model\":\"m\",\"x\":{\"" + k + "\":1}}");
      lines.add("{\"model\":\"m\",\"" + k + "\\q\":1}");
    }
    for (int depth : new int[] {62, 63, 64, 65, 200}) {
      lines.add("{\"model\":\"m\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
      lines.add("{\"model\":\"m\",\"x\":" + "[".repeat(depth));
      lines.add(
          "{\"model\":\"m\",\"x\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
      lines.add("[".repeat(depth) + "]".repeat(depth));
      lines.add("{\"model\":\"m\",\"x\":" + "[".repeat(depth) + "x");
    }
    lines.add("\uFEFF{\"model\":\"m\"}");
    lines.add("\uFEFF\uFEFF{\"model\":\"m\"}");
    lines.add("\uFEFF");
    lines.add("{\"model\":\"m\",\"error\":\"" + "e".repeat(70_000) + "\"}");
    for (String line : lines) {
      assertSame(line.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void assertSame(byte[] line) {
    assertSame(parser, reference, line);
  }

  private static void assertSame(EventParser parser, JacksonEventParser reference, byte[] line) {
    if (guessedAsUtf16or32(line)) {
      return;
    }
    // Parse from the middle of a bigger buffer, as the tailer hands lines on.
    byte[] padded = new byte[line.length + 16];
    System.arraycopy(line, 0, padded, 7, line.length);
    Rejection expected = reference.parse(line, 0, line.length);
    Rejection actual = parser.parse(padded, 7, line.length);
    String shown = describe(line);
    assertThat(actual).as(shown).isEqualTo(expected);
    if (expected == null) {
      assertThat(describe(parser.event())).as(shown).isEqualTo(describe(reference.event()));
    }
  }

  private static boolean guessedAsUtf16or32(byte[] line) {
    for (int i = 0; i < Math.min(4, line.length); i++) {
      if (line[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String describe(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    return text.length() > 300
        ? text.substring(0, 150) + "…" + text.substring(text.length() - 100)
        : text;
  }

  /** Everything an event holds, numbers to the bit. */
  private static String describe(ParsedEvent e) {
    StringBuilder b = new StringBuilder();
    b.append("label=").append(e.isLabel()).append(" model=").append(e.model());
    b.append(" version=").append(e.version()).append(" id=").append(e.id());
    b.append(" hasId=").append(e.hasId());
    b.append(" time=").append(e.hasTime()).append('/').append(e.timeMillis());
    b.append(" score=").append(e.hasScore()).append('/').append(bits(e.score()));
    b.append(" flagged=").append(e.flagged()).append(" labelValue=").append(e.labelValue());
    b.append(" latency=").append(e.hasLatency()).append('/').append(bits(e.latencyMs()));
    b.append(" error=").append(e.error());
    ParsedEvent.Features f = e.features();
    b.append(" features=").append(f.count()).append(" dropped=").append(f.dropped());
    for (int i = 0; i < f.count(); i++) {
      b.append(" [").append(f.name(i)).append(' ').append(f.kind(i)).append(' ');
      b.append(bits(f.number(i))).append(' ').append(f.string(i)).append(']');
    }
    return b.toString();
  }

  private static String bits(double v) {
    return v + "#" + Long.toHexString(Double.doubleToRawLongBits(v));
  }

  private static final byte[] NOISE =
      "\"\\{}[]:,-+.eE0123456789 \t\r\nxntfu\u0001é\u20ac".getBytes(StandardCharsets.UTF_8);

  /** Kind 0 replaces a byte, 1 inserts one, 2 deletes one, 3 cuts the line short. */
  private static byte[] damage(byte[] b, int kind, int at, int noise) {
    if (b.length == 0) {
      return b;
    }
    int i = Math.floorMod(at, b.length);
    byte n = NOISE[Math.floorMod(noise, NOISE.length)];
    switch (kind) {
      case 0 -> {
        byte[] c = b.clone();
        c[i] = n;
        return c;
      }
      case 1 -> {
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, i);
        c[i] = n;
        System.arraycopy(b, i, c, i + 1, b.length - i);
        return c;
      }
      case 2 -> {
        byte[] c = new byte[b.length - 1];
        System.arraycopy(b, 0, c, 0, i);
        System.arraycopy(b, i + 1, c, i, b.length - i - 1);
        return c;
      }
      default -> {
        byte[] c = new byte[i];
        System.arraycopy(b, 0, c, 0, i);
        return c;
      }
    }
  }

  @Provide
  Arbitrary<List<int[]>> damage() {
    Arbitrary<int[]> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 1000))
            .as((k, a, n) -> new int[] {k, a, n});
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<String> json() {
    return object(3, Arbitraries.of(KEYS));
  }

  @Provide
  Arbitrary<String> nestedJson() {
    Arbitrary<String> keys =
        Arbitraries.of(
            "kind",
            "meta",
            "time",
            "model",
            "rev",
            "request",
            "id",
            "inputs",
            "response",
            "outputs",
            "probability",
            "0",
            "1",
            "truth",
            "timing",
            "ms",
            "error",
            "type",
            "x");
    return object(4, keys);
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"model\"",
            "\"m\"",
            "\"score\"",
            "\"features\"",
            "\"a\"",
            "1",
            "-0",
            "0.5",
            "1e400",
            "true",
            "false",
            "null",
            " ",
            "\"",
            "\\",
            "-",
            "01",
            "1.",
            "tru",
            "\"\\u00",
            "\"\\ud800\"",
            "7".repeat(101),
            "é");
    return tokens.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  private Arbitrary<String> object(int depth, Arbitrary<String> keys) {
    Arbitrary<String> member =
        Combinators.combine(keys, value(depth - 1, keys), whitespace(), whitespace())
            .as((k, v, w1, w2) -> w1 + "\"" + k + "\"" + w2 + ":" + w1 + v + w2);
    return member.list().ofMaxSize(8).map(l -> "{" + String.join(",", l) + "}");
  }

  private Arbitrary<String> value(int depth, Arbitrary<String> keys) {
    List<Arbitrary<String>> choices = new ArrayList<>();
    choices.add(Arbitraries.strings().ofMaxLength(12).map(EventParserDifferentialTest::quote));
    choices.add(
        Arbitraries.of(
                "fraud",
                "label",
                "prediction",
                "2026-11-26T07:42:56.123Z",
                "2026-11-26T07:42:56Z",
                "2024-02-30T00:00:00Z",
                "",
                " ",
                "\\u0000",
                "a\\nb",
                "\\\"",
                "\\ud83d\\ude00",
                "\\ud800",
                "\\u00e9t\\u00e9",
                "\\/",
                "la\\u0062el",
                "\\u0041\\u00DF",
                "v3",
                "tx-8812",
                "é",
                "\u20ac",
                "\uD83D\uDE00",
                "2026-11-26T07:42:56\\u002e5Z")
            .map(s -> "\"" + s + "\""));
    choices.add(numbers());
    choices.add(
        Arbitraries.of(
            "true",
            "false",
            "null",
            "tru",
            "nul",
            "truex",
            "NaN",
            "Infinity",
            "'a'",
            "-",
            "\"unterminated",
            "\"bad\\q\"",
            "\"ctl\u0001\""));
    if (depth > 0) {
      choices.add(
          value(depth - 1, keys).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"));
      choices.add(object(depth, keys));
      choices.add(
          Combinators.combine(Arbitraries.of(KEYS), numbers())
              .as((k, n) -> "{\"f00\":" + n + ",\"f01\":\"DE\",\"" + k + "\":true}"));
    }
    return Arbitraries.oneOf(choices);
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "1e999"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of(
            "0",
            "-0",
            "1",
            "-1",
            "2",
            "0.0",
            "-0.0",
            "1e5",
            "1E+5",
            "1e-5",
            "-1.5E-0",
            "0e0",
            "1e400",
            "-1e400",
            "1e-400",
            "12345678901234567890123",
            "9007199254740993",
            "9007199254740993.0",
            "0.1",
            "0.30000000000000004",
            "1795678976.25",
            "-12.5",
            "123456789012345678",
            "1234567890123456789",
            "00",
            "01",
            "-01",
            "1.",
            ".5",
            "+1",
            "1e",
            "1e+",
            "2.e5",
            "0x10",
            "1.5.3",
            "4.9e-324",
            "2.2250738585072014E-308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "0.000001234567890123456789"),
        Combinators.combine(
                Arbitraries.integers().between(95, 105), Arbitraries.of("", "-", "0.", "1.", "x"))
            .as((n, prefix) -> prefix + "9".repeat(n)));
  }

  private static Arbitrary<String> whitespace() {
    return Arbitraries.of("", "", "", " ", "\t", "\r", " \n ");
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
