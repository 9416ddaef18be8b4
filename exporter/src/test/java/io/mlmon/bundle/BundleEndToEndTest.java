package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.bundle.MetricCatalogue.Part;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle end to end, with the real servers: the exporter reads a log whose labels show a high
 * false-positive rate, some malformed lines, and traffic unlike the model's reference; Prometheus
 * evaluates the project's rules (their {@code for:} divided by 60); Alertmanager routes with the
 * project's config to a webhook receiver in this test. One scenario in order: pages and tickets
 * arrive where they belong, drift pages and mutes the per-feature drift tickets, the fleet-wide PSI
 * agrees with the exporter, every dashboard query returns data, then the exporter goes down and its
 * instance's alerts are inhibited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleEndToEndTest {
  @TempDir static Path dir;

  private static E2eStack stack;

  @BeforeAll
  static void startTheStack() throws Exception {
    stack = E2eStack.start(dir);
  }

  @AfterAll
  static void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void the_false_positive_alert_pages_the_on_call_with_the_model_and_version() {
    JsonNode alert = stack.awaitNotification("/page", "MlmonFalsePositiveRateHigh");
    JsonNode labels = alert.path("labels");
    assertThat(labels.path("severity").asText()).isEqualTo("page");
    assertThat(labels.path("category").asText()).isEqualTo("model");
    assertThat(labels.path("model").asText()).isEqualTo("fraud");
    assertThat(labels.path("version").asText()).isEqualTo("v3");
    // computed over the fleet: no single instance
    assertThat(labels.has("instance")).isFalse();
    assertThat(alert.path("annotations").path("summary").asText())
        .startsWith("Model fraud v3 flags ")
        .endsWith("% of legitimate cases");
    assertThat(alert.path("annotations").path("runbook_url").asText())
        .endsWith("docs/runbooks.md#mlmonfalsepositiveratehigh");

    // the same page went to PagerDuty, with the routing key read from its file
    JsonNode event = stack.awaitPagerDutyEvent("MlmonFalsePositiveRateHigh");
    assertThat(event.path("routing_key").asText()).isEqualTo(AlertmanagerServer.ROUTING_KEY);
    assertThat(event.path("event_action").asText()).isEqualTo("trigger");

    assertThat(stack.webhook.firing("/ticket", "MlmonFalsePositiveRateHigh")).isEmpty();
  }

  @Test
  @Order(2)
  void the_rejected_lines_alert_reaches_the_ticket_receiver_only() {
    JsonNode alert = stack.awaitNotification("/ticket", "MlmonLogLinesRejected");
    JsonNode labels = alert.path("labels");
    assertThat(labels.path("severity").asText()).isEqualTo("ticket");
    assertThat(labels.path("source").asText()).isEqualTo("predictions");
    assertThat(labels.path("job").asText()).isEqualTo("mlmon");
    assertThat(labels.path("instance").asText()).isEqualTo(stack.exporterInstance());
    assertThat(stack.webhook.firing("/page", "MlmonLogLinesRejected")).isEmpty();
    assertThat(stack.webhook.at("/pagerduty"))
        .noneMatch(n -> n.body().toString().contains("MlmonLogLinesRejected"));
    // and nothing else pages: the error ratio, latency and false negatives are fine
    for (String quiet :
        List.of(
            "MlmonPredictionErrorRatioHigh",
            "MlmonPredictionLatencyHigh",
            "MlmonFalseNegativeRateHigh",
            "MlmonPredictionLogStale",
            "MlmonExporterDown")) {
      assertThat(stack.webhook.everReceived(quiet)).as(quiet).isFalse();
    }
  }

  @Test
  @Order(3)
  void dataset_and_prediction_drift_page_the_on_call_with_model_and_instance() {
    for (String name : new String[] {"MlmonDatasetDrift", "MlmonPredictionDrift"}) {
      JsonNode labels = stack.awaitNotification("/page", name).path("labels");
      assertThat(labels.path("severity").asText()).as(name).isEqualTo("page");
      assertThat(labels.path("category").asText()).as(name).isEqualTo("drift");
      assertThat(labels.path("model").asText()).as(name).isEqualTo("fraud");
      assertThat(labels.path("job").asText()).as(name).isEqualTo("mlmon");
      assertThat(labels.path("instance").asText()).as(name).isEqualTo(stack.exporterInstance());
    }
  }

  @Test
  @Order(4)
  void feature_drift_tickets_are_muted_while_dataset_drift_pages() {
    JsonNode suppressed =
        Poll.until(
            Duration.ofSeconds(90),
            "MlmonFeatureDrift suppressed in Alertmanager",
            () -> stack.alertmanagerAlerts("MlmonFeatureDrift", "suppressed").stream().findFirst(),
            stack::diagnostics);
    long firstSeen = System.nanoTime();
    assertThat(suppressed.path("status").path("inhibitedBy")).isNotEmpty();
    assertThat(stack.alertmanagerAlerts("MlmonDatasetDrift", "active")).isNotEmpty();
    Poll.until(
        Duration.ofSeconds(60),
        "the suppressed alert's group_wait to pass",
        () ->
            System.nanoTime() - firstSeen >= Duration.ofSeconds(40).toNanos()
                ? Optional.of(true)
                : Optional.empty(),
        stack::diagnostics);
    assertThat(stack.webhook.everReceived("MlmonFeatureDrift"))
        .as(String.valueOf(stack.webhook.summary()))
        .isFalse();
  }

  @Test
  @Order(5)
  void fleet_psi_sees_the_drifted_features_and_agrees_with_the_exporter_on_a_stable_one() {
    stack.awaitData(
        "model_feature:mlmon_feature_psi:increase1h{model=\"fraud\", feature=\"amount\"} > 0.2",
        Duration.ofSeconds(30));
    stack.awaitData(
        "model_feature:mlmon_feature_psi:increase1h{model=\"fraud\", feature=\"hour\"} < 0.1",
        Duration.ofSeconds(30));
    // hour does not drift: the fleet rule and the exporter's own psi both stay near 0
    stack.awaitData(
        "abs(model_feature:mlmon_feature_psi:increase1h{model=\"fraud\", feature=\"hour\"}"
            + " - on (model, feature) max by (model, feature)"
            + " (mlmon_feature_drift_score{model=\"fraud\", feature=\"hour\", method=\"psi\"})) < 0.05",
        Duration.ofSeconds(30));
  }

  @Test
  @Order(6)
  void every_dashboard_query_returns_data() {
    DashboardQueryCheck.Outcome outcome =
        DashboardQueryCheck.run(stack.prometheus, EnumSet.noneOf(Part.class));
    System.out.println(outcome.report());
    assertThat(outcome.failures()).as(outcome.report()).isEmpty();
    assertThat(outcome.pending()).as(outcome.report()).isEmpty();
    assertThat(outcome.checked()).as(outcome.report()).hasSizeGreaterThanOrEqualTo(70);
  }

  /**
   * With the exporter down, a data alert of its instance that fires afterwards is reported
   * suppressed by Alertmanager and reaches no receiver, while the exporter-down page does.
   */
  @Test
  @Order(7)
  void exporter_down_inhibits_the_data_alerts_of_its_instance() {
    // versions beyond limits.max_versions_per_model: the exporter folds them, the cardinality
    // alert goes pending; stop the exporter as soon as Prometheus has seen the folding
    stack.traffic.writeVersions(6);
    stack.awaitData(
        "sum(increase(mlmon_cardinality_limited_total[1m])) > 0", Duration.ofSeconds(30));
    stack.traffic.close();
    stack.stopExporter();

    JsonNode suppressed =
        Poll.until(
            Duration.ofSeconds(90),
            "MlmonCardinalityLimitHit suppressed in Alertmanager",
            () ->
                stack.alertmanagerAlerts("MlmonCardinalityLimitHit", "suppressed").stream()
                    .findFirst(),
            stack::diagnostics);
    long firstSeen = System.nanoTime();
    assertThat(suppressed.path("labels").path("instance").asText())
        .isEqualTo(stack.exporterInstance());
    assertThat(suppressed.path("status").path("inhibitedBy")).isNotEmpty();
    assertThat(suppressed.path("status").path("silencedBy")).isEmpty();
    assertThat(stack.prometheus.alertState("MlmonCardinalityLimitHit")).contains("firing");
    // the inhibiting alert is the exporter-down alert of the same instance, and it pages
    List<JsonNode> down = stack.alertmanagerAlerts("MlmonExporterDown", "active");
    assertThat(down).hasSize(1);
    assertThat(down.get(0).path("labels").path("instance").asText())
        .isEqualTo(stack.exporterInstance());
    assertThat(suppressed.path("status").path("inhibitedBy").get(0).asText())
        .isEqualTo(down.get(0).path("fingerprint").asText());
    JsonNode page = stack.awaitNotification("/page", "MlmonExporterDown");
    assertThat(page.path("labels").path("instance").asText()).isEqualTo(stack.exporterInstance());

    // past the group_wait (30s) of the suppressed alert's group it has still reached nobody
    Duration quiet = Duration.ofSeconds(40);
    Poll.until(
        Duration.ofSeconds(60),
        "the suppressed alert's group_wait to pass",
        () ->
            System.nanoTime() - firstSeen >= quiet.toNanos() ? Optional.of(true) : Optional.empty(),
        stack::diagnostics);
    assertThat(stack.webhook.everReceived("MlmonCardinalityLimitHit"))
        .as(String.valueOf(stack.webhook.summary()))
        .isFalse();
    assertThat(stack.alertmanagerAlerts("MlmonCardinalityLimitHit", "suppressed")).isNotEmpty();
  }
}
