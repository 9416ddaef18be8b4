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
