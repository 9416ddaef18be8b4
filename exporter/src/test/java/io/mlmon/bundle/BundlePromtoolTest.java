package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.testing.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real promtool and amtool accept the bundle's Prometheus and Alertmanager files. */
class BundlePromtoolTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void promtool_accepts_the_prometheus_config_and_the_rule_files_it_loads() {
    Command.Result r =
        Command.run(RepoRoot.get(), TIMEOUT, Tools.promtool(), "check", "config", "prometheus.yml");
    assertThat(r.ok()).as(r.describe()).isTrue();
    // the rule_files glob really finds the rules (a wrong glob loads nothing, silently)
    assertThat(r.output()).as(r.describe()).contains("2 rule files found");
  }

  @Test
  void promtool_accepts_every_rule_file() {
    List<Object> cmd = new ArrayList<>(List.of(Tools.promtool(), "check", "rules"));
    cmd.addAll(RuleFiles.files());
    Command.Result r = Command.run(RepoRoot.get(), TIMEOUT, cmd.toArray());
    assertThat(r.ok()).as(r.describe()).isTrue();
  }

  @Test
  void promtool_rule_unit_tests_pass() {
    List<Path> tests = Yaml.files(RuleFiles.dir().resolve("tests"), ".yml");
    assertThat(tests).hasSizeGreaterThanOrEqualTo(2);
    List<Object> cmd = new ArrayList<>(List.of(Tools.promtool(), "test", "rules"));
    cmd.addAll(tests);
    Command.Result r = Command.run(RepoRoot.get(), TIMEOUT, cmd.toArray());
    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.output()).doesNotContain("FAILED");
  }

  /** The unit tests can fail: a changed threshold makes them fail on the right alert. */
  @Test
  void rule_unit_tests_catch_a_changed_threshold(@TempDir Path dir) throws IOException {
    Path tests = Files.createDirectories(dir.resolve("tests"));
    for (Path f : RuleFiles.files()) {
      String text = Files.readString(f);
      if (f.getFileName().toString().equals("mlmon-alerts.yml")) {
        String changed =
            text.replace(
                "model_version:mlmon_false_positive_rate:ratio_rate1h > 0.05",
                "model_version:mlmon_false_positive_rate:ratio_rate1h > 0.5");
        assertThat(changed).isNotEqualTo(text);
        text = changed;
      }
      Files.writeString(dir.resolve(f.getFileName()), text);
    }
    for (Path f : Yaml.files(RuleFiles.dir().resolve("tests"), ".yml")) {
      Files.copy(f, tests.resolve(f.getFileName()));
    }
    Command.Result r =
        Command.run(dir, TIMEOUT, Tools.promtool(), "test", "rules", "tests/mlmon-alerts-test.yml");
    assertThat(r.ok()).as(r.describe()).isFalse();
    assertThat(r.output()).contains("alertname: MlmonFalsePositiveRateHigh");
  }

  @Test
  void amtool_accepts_the_alertmanager_config() {
    Command.Result r =
        Command.run(
            RepoRoot.get(),
            TIMEOUT,
            Tools.amtool(),
            "check-config",
            "alertmanager/alertmanager.yml");
    assertThat(r.ok()).as(r.describe()).isTrue();
    assertThat(r.output()).contains("SUCCESS").contains("3 inhibit rules");
  }

  @Test
  void amtool_routes_pages_to_the_on_call_and_tickets_to_the_team() {
    assertThat(route("severity=page", "alertname=MlmonFalsePositiveRateHigh", "model=fraud"))
        .isEqualTo("oncall-pager");
    assertThat(route("severity=ticket", "alertname=MlmonLogLinesRejected"))
        .isEqualTo("team-tickets");
  }

  private static String route(String... labels) {
    List<Object> cmd =
        new ArrayList<>(
            List.of(
                Tools.amtool(),
                "config",
                "routes",
                "test",
                "--config.file=alertmanager/alertmanager.yml"));
    cmd.addAll(List.of(labels));
    Command.Result r = Command.run(RepoRoot.get(), TIMEOUT, cmd.toArray());
    assertThat(r.ok()).as(r.describe()).isTrue();
    // amtool prints the receiver without a newline, and may print a warning on stderr
    return r.output().replaceAll("Warning:[^\n]*", "").strip();
  }
}
