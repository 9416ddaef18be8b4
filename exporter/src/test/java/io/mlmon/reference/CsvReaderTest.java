package io.mlmon.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void records_straddling_the_read_buffer_come_back_whole() throws IOException {
    // 400 KB of CSV, so fields of every kind cross the reader's 64 K-character buffer; the rows
    // written are the rows expected back.
    Random random = new Random(11);
    String[] alphabet = {"a", "bc", "1.5", "-7", "é", "x y", ",", "\"", "\n", "\r\n", "", "✓"};
    List<List<String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    String[] endings = {"\n", "\r\n", "\r"};
    while (text.length() < 400_000) {
      List<String> row = new ArrayList<>();
      for (int f = 0; f < 1 + random.nextInt(8); f++) {
        StringBuilder value = new StringBuilder();
        for (int k = random.nextInt(30); k > 0; k--) {
          value.append(alphabet[random.nextInt(alphabet.length)]);
        }
        row.add(value.toString());
      }
      if (row.size() == 1 && row.get(0).isEmpty()) {
        row.set(0, "x"); // an empty line is no record
      }
      for (int f = 0; f < row.size(); f++) {
        String v = row.get(f);
        boolean needsQuotes =
            v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        text.append(f > 0 ? "," : "");
        text.append(
            needsQuotes || random.nextInt(5) == 0 ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      text.append(endings[random.nextInt(endings.length)]);
      rows.add(row);
    }
    assertThat(records(text.toString())).isEqualTo(rows);
  }
}
