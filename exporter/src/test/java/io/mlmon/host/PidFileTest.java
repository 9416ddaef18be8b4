package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PidFileTest {
  @TempDir Path dir;

  @Test
  void a_pid_on_the_first_line_with_blanks_around_it_is_read() {
    assertThat(PidFile.parse("1234")).hasValue(1234);
    assertThat(PidFile.parse("1234\n")).hasValue(1234);
    assertThat(PidFile.parse("  42 \r\n")).hasValue(42);
    assertThat(PidFile.parse("\t7\n8080\n")).hasValue(7);
    assertThat(PidFile.parse("2147483647")).hasValue(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  \n",
        "\n1234",
        "0",
        "-5",
        "+5",
        "12a",
        "12 34",
        "1e3",
        "0x10",
        "2147483648",
        "99999999999",
        "１２３"
      })
  void anything_else_is_no_pid(String text) {
    assertThat(PidFile.parse(text)).isEmpty();
  }

  @Test
  void reading_a_missing_or_oversized_file_gives_no_pid() throws Exception {
    assertThat(PidFile.read(dir.resolve("missing.pid"))).isEmpty();
    Path big = dir.resolve("big.pid");
    Files.writeString(big, "1\n" + "x".repeat(PidFile.MAX_BYTES));
    assertThat(PidFile.read(big)).isEmpty();
    assertThat(PidFile.read(dir)).as("a folder").isEmpty();
  }

  @Test
  void reading_a_pid_file_parses_what_it_holds() throws Exception {
    Path file = dir.resolve("server.pid");
    Files.writeString(file, "31337\n");
    assertThat(PidFile.read(file)).isEqualTo(OptionalInt.of(31337));
    Files.writeString(file, "garbage\n");
    assertThat(PidFile.read(file)).isEmpty();
  }
}
