package io.mlmon.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.testing.RepoRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboards of {@code dashboards/*.json}: their panels, queries and variables. */
final class Dashboards {
  /** One query of one panel. */
  record Query(String dashboard, String panel, String refId, String expr) {
    @Override
    public String toString() {
      return dashboard + " / " + panel + " / " + refId + ": " + expr;
    }
  }

  /** A template variable of type query: {@code label_values(selector, label)}. */
  record Variable(String name, String selector, String label, boolean includeAll) {}

  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

  private Dashboards() {}

  static List<Path> files() {
    return Yaml.files(RepoRoot.resolve("dashboards"), ".json");
  }

  static JsonNode read(Path file) {
    return Yaml.read(file);
  }

  /** Every panel, rows' nested panels included, rows themselves excluded. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    collect(dashboard.path("panels"), out);
    return out;
  }

  private static void collect(JsonNode panels, List<JsonNode> out) {
    for (JsonNode p : panels) {
      if (p.path("type").asText().equals("row")) {
        collect(p.path("panels"), out);
      } else {
        out.add(p);
      }
    }
  }

  static List<Query> queries(JsonNode dashboard) {
    List<Query> out = new ArrayList<>();
    String uid = dashboard.path("uid").asText();
    for (JsonNode p : panels(dashboard)) {
      for (JsonNode t : p.path("targets")) {
        out.add(
            new Query(
                uid, p.path("title").asText(), t.path("refId").asText(), t.path("expr").asText()));
      }
    }
    return out;
  }

  static List<JsonNode> variableNodes(JsonNode dashboard) {
    return Yaml.items(dashboard.path("templating").path("list"));
  }

  /** The query variables, in dashboard order (later ones may use earlier ones). */
  static List<Variable> queryVariables(JsonNode dashboard) {
    List<Variable> out = new ArrayList<>();
    for (JsonNode v : variableNodes(dashboard)) {
      if (!v.path("type").asText().equals("query")) {
        continue;
      }
      String query =
          v.path("query").isObject()
              ? v.path("query").path("query").asText()
              : v.path("query").asText();
      Matcher m = LABEL_VALUES.matcher(query);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "variable " + v.path("name").asText() + " is not label_values(…): " + query);
      }
      out.add(
          new Variable(
              v.path("name").asText(),
              m.group(1).strip(),
              m.group(2),
              v.path("includeAll").asBoolean()));
    }
    return out;
  }
}
