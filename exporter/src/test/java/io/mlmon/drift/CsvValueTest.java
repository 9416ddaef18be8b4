package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CsvValueTest {
  /** The fast path gives parseDouble's double exactly (bits compared: -0.0 is not 0.0). */
  @Property(seed = "20261127", tries = 5000)
  void a_decimal_has_the_value_parse_double_gives(@ForAll("decimals") String text) {
    assertThat(CsvValue.isDecimal(text)).as(text).isTrue();
    assertThat(Double.doubleToRawLongBits(CsvValue.parse(text).number()))
        .as(text)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
  }

  @Test
  void edge_cases_of_the_fast_path() {
    for (String text :
        new String[] {
          "-0",
          "-0.0",
          "+0",
          ".5",
          "5.",
          "-.25",
          "007.50",
          "999999999999999",
          "9999999999999999",
          "0.1",
          "0.30000000000000004",
          "123456789.012345",
          "1e5",
          "-2.5E-3",
          "4.9e-324"
        }) {
      assertThat(Double.doubleToRawLongBits(CsvValue.parse(text).number()))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  /**
   * The cell fast path of the reference loader: a number exactly when {@link CsvValue#parse} reads
   * one without blanks, exponent or more than 15 digits, and then parse's number; else NaN.
   */
  @Property(seed = "20261127", tries = 5000)
  void a_plain_decimal_cell_is_read_as_parse_reads_it(@ForAll("cells") String text) {
    char[] padded = ("x," + text + ",y").toCharArray();
    double plain = CsvValue.plainDecimal(padded, 2, 2 + text.length());
    CsvValue parsed = CsvValue.parse(text);
    boolean plainGrammar = text.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");
    boolean fast = plainGrammar && text.replaceAll("[^0-9]", "").length() <= 15;
    if (fast) {
      assertThat(parsed.kind()).as(text).isEqualTo(CsvValue.Kind.NUMBER);
      assertThat(Double.doubleToRawLongBits(plain))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(parsed.number()));
    } else {
      assertThat(plain).as(text).isNaN();
    }
  }

  @Test
  void cells_the_fast_path_leaves_to_parse() {
    for (String text :
        new String[] {
          "",
          "+",
          "-",
          ".",
          "-.",
          "1.2.3",
          " 1",
          "1 ",
          "1e5",
          "0x10",
          "inf",
          "NaN",
          "1,0",
          "1234567890123456",
          "0.0000000000000001",
          "true",
          "DE"
        }) {
      assertThat(CsvValue.plainDecimal(text.toCharArray(), 0, text.length())).as(text).isNaN();
    }
  }

  @Provide
  Arbitrary<String> cells() {
    return Arbitraries.oneOf(
        decimals(),
        Arbitraries.strings().withChars("0123456789+-.eE ,x").ofMaxLength(20),
        Arbitraries.strings().numeric().ofMinLength(14).ofMaxLength(18));
  }

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> sign = Arbitraries.of("", "-", "+");
    Arbitrary<String> integer = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12);
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(12);
    Arbitrary<Boolean> point = Arbitraries.of(true, false);
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""), Arbitraries.integers().between(-30, 30).map(e -> "e" + e));
    return Combinators.combine(sign, integer, point, fraction, exponent)
        .as(
            (s, i, p, f, e) -> {
              String digits = i.isEmpty() && (!p || f.isEmpty()) ? "1" : i;
              return s + digits + (p ? "." + f : "") + e;
            });
  }
}
