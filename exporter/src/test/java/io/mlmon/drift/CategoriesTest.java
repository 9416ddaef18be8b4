package io.mlmon.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoriesTest {
  @Test
  void integral_numbers_are_written_without_a_fraction() {
    assertThat(Categories.canonical(3.0)).isEqualTo("3");
    assertThat(Categories.canonical(-0.0)).isEqualTo("0");
    assertThat(Categories.canonical(-12)).isEqualTo("-12");
    assertThat(Categories.canonical(0.25)).isEqualTo("0.25");
    assertThat(Categories.canonical(1e20)).isEqualTo("1.0E20");
    assertThat(Categories.canonical(true)).isEqualTo("true");
    assertThat(Categories.canonical(false)).isEqualTo("false");
  }

  @Test
  void csv_cells_read_numbers_and_booleans_as_json_would_and_keep_other_text() {
    assertThat(Categories.ofCsvCell("3.0")).isEqualTo("3");
    assertThat(Categories.ofCsvCell(" 3e0 ")).isEqualTo("3");
    assertThat(Categories.ofCsvCell("True")).isEqualTo("true");
    assertThat(Categories.ofCsvCell("02134x")).isEqualTo("02134x");
    assertThat(Categories.ofCsvCell(" online")).isEqualTo(" online");
    assertThat(Categories.ofCsvCell("")).isNull();
    assertThat(Categories.ofCsvCell("NaN")).isNull();
    assertThat(Categories.ofCsvCell("-inf")).isNull();
  }

  @Test
  void a_csv_cell_is_a_number_only_in_plain_decimal_notation() {
    assertThat(CsvValue.parse(" 3.5 ")).isEqualTo(new CsvValue(CsvValue.Kind.NUMBER, 3.5));
    assertThat(CsvValue.parse("-.5e-3").number()).isEqualTo(-0.0005);
    assertThat(CsvValue.parse("5.").number()).isEqualTo(5.0);
    assertThat(CsvValue.parse("-Infinity").number()).isEqualTo(Double.NEGATIVE_INFINITY);
    for (String text : new String[] {"0x10", "1,000", "1d", "1f", "e5", "+", ".", "1e", "1 2"}) {
      assertThat(CsvValue.parse(text).kind()).as(text).isEqualTo(CsvValue.Kind.TEXT);
    }
    for (String missing : new String[] {"", "  ", "nan", "-NaN", "\t"}) {
      assertThat(CsvValue.parse(missing).kind()).as(missing).isEqualTo(CsvValue.Kind.MISSING);
    }
    assertThat(CsvValue.parse(null).kind()).isEqualTo(CsvValue.Kind.MISSING);
    assertThat(CsvValue.parse("FALSE")).isEqualTo(new CsvValue(CsvValue.Kind.BOOLEAN, 0));
  }
}
