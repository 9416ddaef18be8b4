package io.mlmon.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.testing.RepoRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The alerting and recording rules of {@code alertmanager/rules/*.yml}. */
final class RuleFiles {
  /** One rule, alerting ({@code alert} set) or recording ({@code record} set). */
  record Rule(
      Path file,
      String group,
      String alert,
      String record,
      String expr,
      String forDuration,
      Map<String, String> labels,
      Map<String, String> annotations) {
    boolean isAlert() {
      return alert != null;
    }

    String name() {
      return isAlert() ? alert : record;
    }
  }

  private RuleFiles() {}

  static Path dir() {
    return RepoRoot.resolve("alertmanager/rules");
  }

  static List<Path> files() {
    return Yaml.files(dir(), ".yml");
  }

  static List<Rule> all() {
    List<Rule> out = new ArrayList<>();
    for (Path file : files()) {
      for (JsonNode group : Yaml.read(file).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          out.add(
              new Rule(
                  file,
                  group.path("name").asText(),
                  rule.hasNonNull("alert") ? rule.get("alert").asText() : null,
                  rule.hasNonNull("record") ? rule.get("record").asText() : null,
                  rule.path("expr").asText(),
                  rule.hasNonNull("for") ? rule.get("for").asText() : null,
                  strings(rule.path("labels")),
                  strings(rule.path("annotations"))));
        }
      }
    }
    return out;
  }

  static List<Rule> alerts() {
    return all().stream().filter(Rule::isAlert).toList();
  }

  static List<Rule> recordings() {
    return all().stream().filter(r -> !r.isAlert()).toList();
  }

  static Map<String, Rule> recordingsByName() {
    Map<String, Rule> out = new LinkedHashMap<>();
    recordings().forEach(r -> out.put(r.record(), r));
    return out;
  }

  /**
   * The catalogue (or standard) series an expression finally reads: recording rules are replaced by
   * what they read, recursively.
   */
  static Set<String> underlyingSeries(String expr) {
    Map<String, Rule> records = recordingsByName();
    Set<String> out = new TreeSet<>();
    expand(expr, records, out, new TreeSet<>());
    return out;
  }

  private static void expand(
      String expr, Map<String, Rule> records, Set<String> out, Set<String> seen) {
    for (String name : PromQl.selectedNames(expr)) {
      Rule r = records.get(name);
      if (r == null) {
        out.add(name);
      } else if (seen.add(name)) {
        expand(r.expr(), records, out, seen);
      }
    }
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : Yaml.fields(object)) {
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
