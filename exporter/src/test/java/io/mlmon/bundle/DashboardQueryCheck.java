package io.mlmon.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.bundle.MetricCatalogue.Part;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every query of every dashboard against a real Prometheus, as Grafana would: variables
 * resolved from their {@code label_values} queries (the first value, or the "All" value when the
 * variable offers it), {@code $__rate_interval} as 30s.
 *
 * <p>A query whose contract metrics are all in Prometheus must return data. A query that needs a
 * metric of a part of the exporter allowed to be missing (see {@link Part}) and missing indeed is
 * only sent once to prove Prometheus parses it, and reported as pending. A missing metric of any
 * other part is a failure.
 */
final class DashboardQueryCheck {
  /** What the check found. */
  record Outcome(List<String> checked, Map<String, Set<String>> pending, List<String> failures) {
    String report() {
      StringBuilder s = new StringBuilder();
      s.append(checked.size()).append(" dashboard queries returned data\n");
      s.append(pending.size()).append(" queries wait for metrics not exposed yet:\n");
      pending.forEach(
          (q, missing) ->
              s.append("  ").append(q).append("  (missing ").append(missing).append(")\n"));
      if (!failures.isEmpty()) {
        s.append(failures.size()).append(" FAILURES:\n");
        failures.forEach(f -> s.append("  ").append(f).append('\n'));
      }
      return s.toString();
    }
  }

  private static final Duration WAIT_PER_QUERY = Duration.ofSeconds(10);

  private DashboardQueryCheck() {}

  static Outcome run(PrometheusServer prometheus, Set<Part> mayBeMissing) {
    Set<String> present = new TreeSet<>();
    for (JsonNode s : prometheus.query("count by (__name__) ({__name__=~\".+\"})")) {
      present.add(s.path("metric").path("__name__").asText());
    }
    List<String> checked = new ArrayList<>();
    Map<String, Set<String>> pending = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Path file : Dashboards.files()) {
      JsonNode dashboard = Dashboards.read(file);
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, Set<String>> unresolved = new LinkedHashMap<>();
      for (Dashboards.Variable v : Dashboards.queryVariables(dashboard)) {
        String selector = substitute(v.selector(), values);
        Set<String> missing = missing(selector, present);
        List<String> options =
            missing.isEmpty() ? prometheus.labelValues(selector, v.label()) : List.of();
        if (options.isEmpty()) {
          unresolved.put(v.name(), missing);
          values.put(v.name(), "unresolved");
        } else {
          values.put(v.name(), v.includeAll() ? allValue(dashboard, v.name()) : options.get(0));
        }
      }
      for (Dashboards.Query q : Dashboards.queries(dashboard)) {
        String expr = substitute(q.expr(), values);
        Set<String> missing = missing(expr, present);
        for (Map.Entry<String, Set<String>> u : unresolved.entrySet()) {
          if (q.expr().contains("$" + u.getKey())) {
            missing.addAll(u.getValue());
            if (u.getValue().isEmpty()) {
              failures.add(q + "  (variable $" + u.getKey() + " has no value)");
            }
          }
        }
        try {
          prometheus.query(expr); // Prometheus parses it, whatever the data
        } catch (AssertionError | RuntimeException e) {
          failures.add(q + "  (" + e.getMessage() + ")");
          continue;
        }
        if (!missing.isEmpty()) {
          Set<String> notAllowed = new TreeSet<>();
          for (String m : missing) {
            Optional<MetricCatalogue.Family> f = MetricCatalogue.familyOf(m);
            if (f.isEmpty() || !mayBeMissing.contains(f.get().part())) {
              notAllowed.add(m);
            }
          }
          if (notAllowed.isEmpty()) {
            pending.put(q.toString(), missing);
          } else {
            failures.add(q + "  (not in Prometheus: " + notAllowed + ")");
          }
          continue;
        }
        if (awaitData(prometheus, expr)) {
          checked.add(q.toString());
        } else {
          failures.add(q + "  (no data for " + expr + ")");
        }
      }
    }
    return new Outcome(checked, pending, failures);
  }

  private static boolean awaitData(PrometheusServer prometheus, String expr) {
    long deadline = System.nanoTime() + WAIT_PER_QUERY.toNanos();
    while (true) {
      if (prometheus.hasData(expr)) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Poll.sleep(500);
    }
  }

  /** The catalogue series the expression reads that Prometheus does not have. */
  private static Set<String> missing(String expr, Set<String> present) {
    Set<String> out = new TreeSet<>();
    for (String s : RuleFiles.underlyingSeries(expr)) {
      if (!present.contains(s) && !MetricCatalogue.STANDARD.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private static String allValue(JsonNode dashboard, String name) {
    for (JsonNode v : Dashboards.variableNodes(dashboard)) {
      if (v.path("name").asText().equals(name)) {
        return v.path("allValue").asText(".*");
      }
    }
    return ".*";
  }

  static String substitute(String expr, Map<String, String> values) {
    String out =
        expr.replace("$__rate_interval", "30s")
            .replace("$__interval", "15s")
            .replace("$__range", "5m");
    // longest names first, so that $model never eats the start of $modelx
    List<String> names = new ArrayList<>(values.keySet());
    names.sort((a, b) -> b.length() - a.length());
    for (String name : names) {
      out = out.replace("${" + name + "}", values.get(name)).replace("$" + name, values.get(name));
    }
    return out;
  }
}
