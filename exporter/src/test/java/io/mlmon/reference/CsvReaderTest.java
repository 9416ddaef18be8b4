package io.mlmon.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static List<List<String>> records(String text) throws IOException {
    CsvReader csv = new CsvReader(new StringReader(text));
    List<List<String>> out = new ArrayList<>();
    List<String> r;
    while ((r = csv.next()) != null) {
      out.add(r);
    }
    return out;
  }

  @Test
  void quoted_fields_hold_commas_quotes_and_line_breaks() throws IOException {
    assertThat(records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n,,\n"))
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("x, y", "say \"hi\"", "two\nlines"),
            List.of("", "", ""));
  }

  @Test
  void a_byte_order_mark_is_dropped_empty_lines_skipped_and_the_last_newline_optional()
      throws IOException {
    assertThat(records("\uFEFFa,b\n\n1,2\r\n\r\n3,\"\""))
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", ""));
  }

  @Test
  void records_know_the_line_they_start_on() throws IOException {
    CsvReader csv = new CsvReader(new StringReader("h\n\"a\nb\"\n\nc\n"));
    csv.next();
    csv.next();
    assertThat(csv.recordLine()).isEqualTo(2);
    csv.next();
    assertThat(csv.recordLine()).isEqualTo(5);
  }

  @Test
  void broken_quoting_names_the_line() {
    assertThatThrownBy(() -> records("a\n\"open\n\nnever closed"))
        .isInstanceOf(RowException.class)
        .hasMessage("a quoted field is never closed")
        .satisfies(e -> assertThat(((RowException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> records("a,b\n1,\"x\"y\n"))
        .isInstanceOf(RowException.class)
        .hasMessage("text after the closing quote of a field")
        .satisfies(e -> assertThat(((RowException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> records("a\nab\"c\n"))
        .isInstanceOf(RowException.class)
        .hasMessage("a quote inside an unquoted field");
  }
}
