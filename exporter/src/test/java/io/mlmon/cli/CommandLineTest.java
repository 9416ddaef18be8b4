package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.FieldMapping;
import io.mlmon.ingest.EventParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot commands, their exit statuses and their messages, run in-process. */
class CommandLineTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void check_config_accepts_a_good_config() throws Exception {
    Path config = dir.resolve("ok.yml");
    Files.writeString(config, "sources: [{path: p.jsonl}]\nmodels: [{name: fraud}]\n");
    assertThat(Main.execute("check-config", "--config", config.toString())).isZero();
    assertThat(stdout())
        .contains("OK (1 source, 1 model, 0 references, at most 16739 series, listening on")
        .contains("0.0.0.0:10910");
  }

  @Test
  void check_config_prints_every_problem_on_its_own_line_and_exits_2() throws Exception {
    Path config = dir.resolve("bad.yml");
    Files.writeString(
        config,
        "sources: [{path: p.jsonl, start_at: middle}]\ndrift: {interval: soon}\nbogus: 1\n");
    assertThat(Main.execute("check-config", "--config", config.toString())).isEqualTo(2);
    assertThat(stderr().lines())
        .containsExactlyInAnyOrder(
            "mlmon: bad.yml: bogus: unknown key (expected one of drift, fields, host, labels,"
                + " limits, models, server, sources, state_dir)",
            "mlmon: bad.yml: sources[0].start_at: must be end or beginning, not \"middle\"",
            "mlmon: bad.yml: drift.interval: not a duration: \"soon\" (use Prometheus syntax, e.g."
                + " 15s, 5m, 1h, 30d)");
    assertThat(stderr()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void a_yaml_syntax_error_gives_file_and_line() throws Exception {
    Path config = dir.resolve("broken.yml");
    Files.writeString(config, "sources:\n  - path: [unclosed\n");
    assertThat(Main.execute("run", "--config", config.toString())).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1);
    assertThat(stderr()).startsWith("mlmon: broken.yml:3:").contains("invalid YAML");
  }

  @Test
  void a_missing_config_is_a_one_line_error() {
    assertThat(Main.execute("replay", "--config", dir.resolve("none.yml").toString())).isEqualTo(2);
    assertThat(stderr().strip())
        .isEqualTo("mlmon: config file not found: " + dir.resolve("none.yml"));
  }

  @Test
  void usage_errors_exit_2() {
    assertThat(Main.execute()).isEqualTo(2);
    assertThat(stderr()).contains("a command is required", "Usage: mlmon");
    assertThat(Main.execute("frobnicate")).isEqualTo(2);
    assertThat(Main.execute("run")).isEqualTo(2);
    assertThat(stderr()).contains("Missing required option: '--config=FILE'");
  }

  @Test
  void version_and_help_exit_0() {
    assertThat(Main.execute("--version")).isZero();
    assertThat(stdout()).startsWith("mlmon ");
    assertThat(Main.execute("--help")).isZero();
    assertThat(stdout()).contains("run", "replay", "check-config");
  }

  @Test
  void every_command_takes_help_and_version() {
    for (String command :
        new String[] {"run", "replay", "profile", "check-config", "generate", "demo"}) {
      out.reset();
      assertThat(Main.execute(command, "--help")).as(command).isZero();
      assertThat(stdout()).as(command).contains("Usage: mlmon " + command);
      out.reset();
      assertThat(Main.execute(command, "--version")).as(command).isZero();
      assertThat(stdout()).as(command).startsWith("mlmon ");
    }
  }

  @Test
  void replay_writes_to_stdout_by_default() throws Exception {
    Files.writeString(
        dir.resolve("p.jsonl"), "{\"model\":\"fraud\",\"score\":0.7}\n{\"model\":\"fraud\"}\n");
    Path config = dir.resolve("c.yml");
    Files.writeString(config, "sources: [{path: p.jsonl}]\n");
    assertThat(Main.execute("replay", "--config", config.toString())).isZero();
    assertThat(stdout())
        .contains("mlmon_predictions_total{model=\"fraud\",version=\"unknown\"} 2.0");
    assertThat(stderr()).doesNotContain("WARN", "ERROR", "Exception");
  }

  @Test
  void generate_writes_the_size_asked_for_in_lines_mlmon_reads_and_a_reference() throws Exception {
    Path log = dir.resolve("gen.jsonl");
    Path reference = dir.resolve("ref.csv");
    assertThat(
            Main.execute(
                "generate",
                "--out",
                log.toString(),
                "--size",
                "64K",
                "--features",
                "5",
                "--reference",
                reference.toString(),
                "--reference-rows",
                "100"))
        .isZero();
    assertThat(Files.size(log)).isBetween(64L * 1024, 66L * 1024);
    EventParser parser = new EventParser(FieldMapping.DEFAULTS, 20);
    for (String line : Files.readAllLines(log)) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat(parser.parse(bytes, 0, bytes.length)).as(line).isNull();
    }
    List<String> rows = Files.readAllLines(reference);
    assertThat(rows).hasSize(101);
    assertThat(rows.get(0)).isEqualTo("f00,f01,f02,f03,f04,score");
  }

  @Test
  void generate_at_a_rate_rotates_and_reports_every_line_it_wrote() throws Exception {
    Path log = dir.resolve("paced.jsonl");
    assertThat(
            Main.execute(
                "generate",
                "--out",
                log.toString(),
                "--rate",
                "1000",
                "--duration",
                "1s",
                "--rotate-every",
                "300ms"))
        .isZero();
    String totals = stdout().strip();
    Matcher m =
        Pattern.compile(
                "\\{\"lines\":(\\d+),\"predictions\":(\\d+),\"labels\":(\\d+),"
                    + "\"rotations\":(\\d+)}")
            .matcher(totals);
    assertThat(m.matches()).as(totals).isTrue();
    long lines = Long.parseLong(m.group(1));
    int rotations = Integer.parseInt(m.group(4));
    assertThat(Long.parseLong(m.group(2)) + Long.parseLong(m.group(3))).isEqualTo(lines);
    assertThat(lines).isBetween(500L, 1500L);
    assertThat(rotations).isBetween(1, 4);
    long written = Files.readAllLines(log).size();
    for (int i = 1; i <= rotations; i++) {
      written += Files.readAllLines(dir.resolve("paced.jsonl." + i)).size();
    }
    assertThat(written).isEqualTo(lines);
  }

  @Test
  void generate_rejects_bad_options_in_one_line_with_status_2() {
    assertThat(Main.execute("generate", "--out", dir.resolve("x").toString(), "--size", "10X"))
        .isEqualTo(2);
    assertThat(Main.execute("generate", "--out", dir.resolve("x").toString(), "--features", "-1"))
        .isEqualTo(2);
    assertThat(stderr().lines()).hasSize(2).allMatch(l -> l.startsWith("mlmon: "));
  }
}
