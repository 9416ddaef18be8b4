package io.mlmon.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.cli.Exporter;
import io.mlmon.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The whole bundle on loopback ports: a {@link TrafficWriter} appending a prediction log, the real
 * exporter started in-process ({@code mlmon run}'s {@link Exporter}), a real Alertmanager whose
 * receivers point at a {@link WebhookReceiver}, and a real Prometheus scraping the exporter every
 * second with the project's rules. {@link #close()} stops everything it started.
 */
final class E2eStack implements AutoCloseable {
  /** How long a notification may take: rule {@code for:} / 60, plus Alertmanager's group_wait. */
  static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(150);

  final Path dir;
  final WebhookReceiver webhook;
  final TrafficWriter traffic;
  final AlertmanagerServer alertmanager;
  final PrometheusServer prometheus;
  private final Deque<AutoCloseable> started;
  private volatile Exporter exporter;
  private final String exporterInstance;

  private E2eStack(
      Path dir,
      WebhookReceiver webhook,
      TrafficWriter traffic,
      Exporter exporter,
      AlertmanagerServer alertmanager,
      PrometheusServer prometheus,
      Deque<AutoCloseable> started) {
    this.dir = dir;
    this.webhook = webhook;
    this.traffic = traffic;
    this.exporter = exporter;
    this.alertmanager = alertmanager;
    this.prometheus = prometheus;
    this.started = started;
    this.exporterInstance = "127.0.0.1:" + exporter.port();
  }

  /** Starts everything in {@code dir}; the traffic drifts from the model's reference. */
  static E2eStack start(Path dir) throws Exception {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      WebhookReceiver webhook = WebhookReceiver.start();
      started.push(webhook);
      TrafficWriter.writeReference(dir.resolve("fraud-reference.csv"), 800);
      Files.writeString(dir.resolve("model-server.pid"), ProcessHandle.current().pid() + "\n");
      TrafficWriter traffic = new TrafficWriter(dir.resolve("predictions.jsonl"), true);
      started.push(traffic);
      traffic.start();
      Exporter exporter =
          Exporter.start(new ConfigLoader().parse(exporterConfig(dir, webhook), dir, "mlmon.yml"));
      started.push(exporter);
      AlertmanagerServer alertmanager = AlertmanagerServer.start(dir, webhook);
      started.push(alertmanager);
      PrometheusServer prometheus =
          PrometheusServer.start(dir, "127.0.0.1:" + exporter.port(), alertmanager.port());
      started.push(prometheus);
      return new E2eStack(dir, webhook, traffic, exporter, alertmanager, prometheus, started);
    } catch (Exception | Error e) {
      closeAll(started);
      throw e;
    }
  }

  /**
   * The exporter's config: the log from its beginning, the reference, a low version limit for the
   * cardinality alert, this JVM as the "model server" and the webhook receiver's /health as its
   * health endpoint.
   */
  private static String exporterConfig(Path dir, WebhookReceiver webhook) {
    return """
        server:
          listen: 127.0.0.1:0
        state_dir: state
        sources:
          - name: predictions
            path: predictions.jsonl
            start_at: beginning
        models:
          - name: fraud
            reference: fraud-reference.csv
            score_column: score
            threshold: 0.5
        drift:
          interval: 1s
          window: {max_samples: 2000, max_age: 10m}
          min_samples: 200
        limits:
          max_versions_per_model: 3
        host:
          interval: 1s
          processes: [{name: model-server, pid_file: model-server.pid}]
          probes: [{target: model-server, url: "%s", interval: 1s}]
        """
        .formatted(webhook.uri("/health"));
  }

  /** The exporter's {@code instance} label in Prometheus. */
  String exporterInstance() {
    return exporterInstance;
  }

  /** Stops the exporter, as a crashed sidecar would: its scrapes fail from now on. */
  void stopExporter() {
    Exporter e = exporter;
    if (e != null) {
      exporter = null;
      started.remove(e);
      e.close();
    }
  }

  /** Waits until a firing alert named {@code alertname} reaches the receiver at {@code path}. */
  JsonNode awaitNotification(String path, String alertname) {
    return Poll.until(
        NOTIFICATION_TIMEOUT,
        alertname + " at " + path,
        () -> webhook.firing(path, alertname).stream().findFirst(),
        this::diagnostics);
  }

  /** Waits for a PagerDuty event about {@code alertname}. */
  JsonNode awaitPagerDutyEvent(String alertname) {
    return Poll.until(
        NOTIFICATION_TIMEOUT,
        "a PagerDuty event for " + alertname,
        () ->
            webhook.at("/pagerduty").stream()
                .map(WebhookReceiver.Notification::body)
                .filter(b -> b.toString().contains(alertname))
                .findFirst(),
        this::diagnostics);
  }

  /** Waits until Prometheus' query returns a series. */
  void awaitData(String promql, Duration timeout) {
    Poll.until(
        timeout,
        "data for " + promql,
        () -> prometheus.hasData(promql) ? Optional.of(true) : Optional.empty(),
        this::diagnostics);
  }

  /** Alertmanager's alerts named {@code alertname} whose state is {@code state}. */
  List<JsonNode> alertmanagerAlerts(String alertname, String state) {
    return alertmanager.alerts(alertname).stream()
        .filter(a -> a.path("status").path("state").asText().equals(state))
        .toList();
  }

  String diagnostics() {
    Throwable writer = traffic.failure();
    return "received: "
        + webhook.summary()
        + "\n"
        + (writer == null ? "" : "traffic writer failed: " + writer + "\n")
        + prometheus.diagnostics()
        + "\n"
        + alertmanager.diagnostics();
  }

  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // keep closing the others
      }
    }
  }
}
