package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.testing.RepoRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards follow the bundle's conventions. Whether their queries return data is
 * shown against a real Prometheus by {@link BundleEndToEndTest}.
 */
class BundleDashboardsTest {
  private static final Map<String, Set<String>> REQUIRED_VARIABLES =
      Map.of(
          "mlmon-model-overview", Set.of("datasource", "model", "version"),
          "mlmon-feature-drift", Set.of("datasource", "model", "feature"),
          "mlmon-serving-infra", Set.of("datasource", "instance"));

  private static Map<String, JsonNode> byUid() {
    Map<String, JsonNode> out = new HashMap<>();
    for (Path f : Dashboards.files()) {
      JsonNode d = Dashboards.read(f);
      assertThat(out.put(d.path("uid").asText(), d)).as("duplicate uid in " + f).isNull();
    }
    return out;
  }

  @Test
  void the_three_dashboards_have_fixed_uids_titles_and_a_recent_schema() {
    Map<String, JsonNode> dashboards = byUid();
    assertThat(dashboards.keySet())
        .containsExactlyInAnyOrderElementsOf(REQUIRED_VARIABLES.keySet());
    for (JsonNode d : dashboards.values()) {
      assertThat(d.path("schemaVersion").asInt())
          .as(d.path("uid").asText())
          .isGreaterThanOrEqualTo(36);
      assertThat(d.path("title").asText()).isNotBlank();
      assertThat(d.path("description").asText()).isNotBlank();
      assertThat(d.has("id") && !d.path("id").isNull()).as("no fixed numeric id").isFalse();
    }
  }

  @Test
  void every_dashboard_selects_its_data_source_and_labels_through_variables() {
    for (JsonNode d : byUid().values()) {
      String uid = d.path("uid").asText();
      Map<String, JsonNode> vars = new HashMap<>();
      Dashboards.variableNodes(d).forEach(v -> vars.put(v.path("name").asText(), v));
      assertThat(vars.keySet()).as(uid).containsAll(REQUIRED_VARIABLES.get(uid));
      assertThat(vars.get("datasource").path("type").asText()).isEqualTo("datasource");
      assertThat(vars.get("datasource").path("query").asText()).isEqualTo("prometheus");
      for (Dashboards.Variable v : Dashboards.queryVariables(d)) {
        assertThat(vars.get(v.name()).path("datasource").path("uid").asText())
            .as(uid + " $" + v.name())
            .isEqualTo("${datasource}");
      }
      for (JsonNode p : Dashboards.panels(d)) {
        assertThat(p.path("datasource").path("uid").asText())
            .as(uid + " / " + p.path("title").asText())
            .isEqualTo("${datasource}");
        for (JsonNode t : p.path("targets")) {
          assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        }
      }
    }
  }

  @Test
  void every_panel_has_a_description_a_unit_and_queries() {
    for (JsonNode d : byUid().values()) {
      List<JsonNode> panels = Dashboards.panels(d);
      assertThat(panels).hasSizeGreaterThanOrEqualTo(8);
      for (JsonNode p : panels) {
        String what = d.path("uid").asText() + " / " + p.path("title").asText();
        assertThat(p.path("description").asText()).as(what + " description").isNotBlank();
        assertThat(p.path("fieldConfig").path("defaults").path("unit").asText())
            .as(what + " unit")
            .isNotBlank();
        assertThat(p.path("targets").size()).as(what + " queries").isPositive();
      }
    }
  }

  @Test
  void rates_use_the_rate_interval_and_queries_read_only_contract_metrics() {
    Set<String> allowed = new TreeSet<>(MetricCatalogue.allSeriesNames());
    allowed.addAll(MetricCatalogue.STANDARD);
    for (JsonNode d : byUid().values()) {
      for (Dashboards.Query q : Dashboards.queries(d)) {
        assertThat(PromQl.rateWindows(q.expr()))
            .as(q.toString())
            .allMatch("$__rate_interval"::equals);
        assertThat(RuleFiles.underlyingSeries(q.expr()))
            .as(q.toString())
            .isNotEmpty()
            .isSubsetOf(allowed);
      }
      for (Dashboards.Variable v : Dashboards.queryVariables(d)) {
        assertThat(RuleFiles.underlyingSeries(v.selector())).as(v.toString()).isSubsetOf(allowed);
      }
    }
  }

  @Test
  void the_model_dashboard_shows_what_issue_5_lists() {
    JsonNode d = byUid().get("mlmon-model-overview");
    List<String> exprs = new ArrayList<>();
    Dashboards.queries(d).forEach(q -> exprs.add(q.expr()));
    String all = String.join("\n", exprs);
    assertThat(all)
        .contains("mlmon_predictions_total")
        .contains("mlmon_reference_flag_ratio")
        .contains("mlmon_outcomes_total")
        .contains("model_version:mlmon_precision:ratio_rate1h")
        .contains("model_version:mlmon_recall:ratio_rate1h")
        .contains("model_version:mlmon_expected_false_positive_rate:ratio_rate1h")
        .contains("model_version:mlmon_false_negative_rate:ratio_rate1h")
        .contains("mlmon_prediction_errors_total")
        .contains("model_version:mlmon_prediction_latency_seconds:p99_rate5m");
  }

  @Test
  void every_dashboard_links_to_the_other_two() {
    Map<String, JsonNode> dashboards = byUid();
    for (JsonNode d : dashboards.values()) {
      String uid = d.path("uid").asText();
      List<String> urls = new ArrayList<>();
      d.path("links").forEach(l -> urls.add(l.path("url").asText()));
      for (String other : dashboards.keySet()) {
        if (!other.equals(uid)) {
          assertThat(urls).as(uid + " links").contains("/d/" + other);
        }
      }
    }
  }

  @Test
  void provisioning_points_grafana_at_the_compose_prometheus_and_the_mounted_dashboards() {
    JsonNode ds =
        Yaml.read(RepoRoot.resolve("dashboards/provisioning/datasources/prometheus.yml"))
            .path("datasources")
            .get(0);
    assertThat(ds.path("type").asText()).isEqualTo("prometheus");
    assertThat(ds.path("url").asText()).isEqualTo("http://prometheus:9090");
    JsonNode provider =
        Yaml.read(RepoRoot.resolve("dashboards/provisioning/dashboards/mlmon.yml"))
            .path("providers")
            .get(0);
    String path = provider.path("options").path("path").asText();
    JsonNode grafana =
        Yaml.read(RepoRoot.resolve("docker-compose.yml")).path("services").path("grafana");
    assertThat(grafana.path("volumes").toString())
        .contains("./dashboards:" + path)
        .contains("./dashboards/provisioning:/etc/grafana/provisioning");
  }
}
