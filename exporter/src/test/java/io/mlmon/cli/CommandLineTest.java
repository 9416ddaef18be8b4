package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
