package io.mlmon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzing the config loader: any text gives a config or problems with paths, never a crash. */
class ConfigLoaderPropertiesTest {
  private static final String[] KEYS = {
    "server",
    "listen",
    "web_config",
    "state_dir",
    "sources",
    "name",
    "path",
    "start_at",
    "max_line_bytes",
    "fields",
    "model",
    "score",
    "models",
    "reference",
    "threshold",
    "features",
    "type",
    "drift",
    "interval",
    "window",
    "max_samples",
    "max_age",
    "min_samples",
    "psi_bins",
    "decision",
    "method",
    "dataset_share",
    "labels",
    "ttl",
    "max_pending",
    "host",
    "enabled",
    "processes",
    "match",
    "pid_file",
    "probes",
    "target",
    "url",
    "timeout",
    "limits",
    "max_models",
    "unknown"
  };

  private final ConfigLoader loader = new ConfigLoader();

  private static boolean outcomeIsClean(ConfigLoader loader, String yaml) {
    try {
      loader.parse(yaml, Path.of("/tmp/mlmon-fuzz"), "fuzz.yml");
      return true;
    } catch (ConfigException e) {
      return e.problems().stream().allMatch(p -> p.message() != null && !p.message().isBlank());
    }
  }

  @Property(seed = "20261126", tries = 2000)
  void random_text_gives_a_config_or_problems(@ForAll String text) {
    assertThat(outcomeIsClean(loader, text)).isTrue();
  }

  @Property(seed = "20261126", tries = 2000)
  void random_structured_configs_give_a_config_or_problems(@ForAll("yaml") String yaml) {
    assertThat(outcomeIsClean(loader, yaml)).isTrue();
  }

  @Provide
  Arbitrary<String> yaml() {
    return node(3).map(n -> n.startsWith("{") ? n : "{sources: " + n + "}");
  }

  private Arbitrary<String> node(int depth) {
    List<Arbitrary<String>> choices = new ArrayList<>();
    choices.add(
        Arbitraries.of(
            "15s",
            "0s",
            "1x",
            "-1",
            "0",
            "1",
            "65536",
            "0.5",
            "true",
            "null",
            "\"\"",
            "auto",
            "psi",
            "end",
            "beginning",
            "/a/b",
            "a/b",
            "\"[\"",
            "127.0.0.1:0",
            ":99999",
            "http://127.0.0.1:1/h",
            "tcp://x",
            "numeric",
            "categorical",
            "99999999999999999999",
            "1e400",
            "\"~1/~0\""));
    choices.add(
        Arbitraries.strings()
            .ofMaxLength(10)
            .map(s -> "\"" + s.replace("\\", "").replace("\"", "") + "\""));
    if (depth > 0) {
      choices.add(node(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]"));
      choices.add(
          Arbitraries.maps(Arbitraries.of(KEYS), node(depth - 1))
              .ofMaxSize(5)
              .map(ConfigLoaderPropertiesTest::mapping));
    }
    return Arbitraries.oneOf(choices);
  }

  private static String mapping(Map<String, String> members) {
    List<String> parts = new ArrayList<>();
    members.forEach((k, v) -> parts.add(k + ": " + v));
    return "{" + String.join(", ", parts) + "}";
  }
}
