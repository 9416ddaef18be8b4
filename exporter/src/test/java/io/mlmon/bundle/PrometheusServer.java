package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlmon.config.Durations;
import io.mlmon.testing.RepoRoot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real Prometheus on a free loopback port, configured from the project's prometheus.yml with only
 * its addresses and intervals changed (scrape and evaluate every second), and with a test-only copy
 * of the rule files whose {@code for:} durations and group intervals are divided by 60 (at least
 * one second). Nothing else of the rules changes.
 */
public final class PrometheusServer implements AutoCloseable {
  static final long FOR_DIVISOR = 60;

  private final ManagedProcess process;
  private final int port;

  private PrometheusServer(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static PrometheusServer start(Path dir, String exporterTarget, int alertmanagerPort)
      throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    for (Path f : RuleFiles.files()) {
      Yaml.write(rules.resolve(f.getFileName()), shortened(Yaml.read(f)));
    }
    for (int attempt = 1; ; attempt++) {
      int port = ManagedProcess.freePort();
      Path config = dir.resolve("prometheus.yml");
      Yaml.write(config, config(rules, exporterTarget, port, alertmanagerPort));
      Path data = Files.createDirectories(dir.resolve("data-" + attempt));
      ManagedProcess p =
          ManagedProcess.start(
              "prometheus",
              command(config, data, port, "info"),
              dir,
              dir.resolve("prometheus-" + attempt + ".log"));
      PrometheusServer server = new PrometheusServer(p, port);
      if (server.awaitReady() || attempt == 3) {
        if (!server.isReady()) {
          server.close();
          fail("Prometheus did not become ready%n%s", p.logTail());
        }
        return server;
      }
      server.close(); // most likely the port was taken meanwhile: try another
    }
  }

  /** A Prometheus with the given configuration (YAML text), e.g. to scrape one target. */
  public static PrometheusServer startWith(Path dir, String configYaml) throws Exception {
    Files.createDirectories(dir);
    int port = ManagedProcess.freePort();
    Path config = Files.writeString(dir.resolve("prometheus.yml"), configYaml);
    ManagedProcess p =
        ManagedProcess.start(
            "prometheus",
            command(config, Files.createDirectories(dir.resolve("data")), port, "warn"),
            dir,
            dir.resolve("prometheus.log"));
    PrometheusServer server = new PrometheusServer(p, port);
    if (!server.awaitReady()) {
      server.close();
      fail("Prometheus did not become ready%n%s", p.logTail());
    }
    return server;
  }

  /** The Prometheus command line: this config and data directory, on loopback at this port. */
  private static List<String> command(Path config, Path data, int port, String logLevel) {
    return List.of(
        Tools.prometheus().toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + data,
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=" + logLevel);
  }

  private boolean awaitReady() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (isReady()) {
        return true;
      }
      Poll.sleep(200);
    }
    return false;
  }

  private boolean isReady() {
    return Http.ok(uri("/-/ready"));
  }

  /** The rule file with every {@code for:} and group interval divided by {@link #FOR_DIVISOR}. */
  static JsonNode shortened(JsonNode ruleFile) {
    JsonNode copy = ruleFile.deepCopy();
    for (JsonNode group : copy.path("groups")) {
      if (group.has("interval")) {
        ((ObjectNode) group).put("interval", shorten(group.get("interval").asText()));
      }
      for (JsonNode rule : group.path("rules")) {
        if (rule.has("for")) {
          ((ObjectNode) rule).put("for", shorten(rule.get("for").asText()));
        }
      }
    }
    return copy;
  }

  private static String shorten(String duration) {
    long millis = Math.max(1000, Durations.parse(duration).toMillis() / FOR_DIVISOR);
    return millis + "ms";
  }

  private static JsonNode config(
      Path rules, String exporterTarget, int port, int alertmanagerPort) {
    ObjectNode c = (ObjectNode) Yaml.read(RepoRoot.resolve("prometheus.yml"));
    ObjectNode global = (ObjectNode) c.path("global");
    global.put("scrape_interval", "1s");
    global.put("evaluation_interval", "1s");
    ArrayNode ruleFiles = c.putArray("rule_files");
    ruleFiles.add(rules.resolve("*.yml").toString());
    ((ArrayNode)
            c.path("alerting")
                .path("alertmanagers")
                .get(0)
                .path("static_configs")
                .get(0)
                .path("targets"))
        .removeAll()
        .add("127.0.0.1:" + alertmanagerPort);
    for (JsonNode job : c.path("scrape_configs")) {
      ObjectNode j = (ObjectNode) job;
      j.put("scrape_interval", "1s");
      j.put("scrape_timeout", "1s");
      String target =
          j.path("job_name").asText().equals("mlmon") ? exporterTarget : "127.0.0.1:" + port;
      ((ArrayNode) j.path("static_configs").get(0).path("targets")).removeAll().add(target);
    }
    return c;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The result of an instant query now; fails on a query Prometheus rejects. */
  public JsonNode query(String promql) {
    JsonNode body = Http.json(uri("/api/v1/query?query=" + Http.encode(promql)));
    if (!body.path("status").asText().equals("success")) {
      return fail("Prometheus rejected %s: %s", promql, body);
    }
    return body.path("data").path("result");
  }

  /** Whether the query returns at least one series now. */
  boolean hasData(String promql) {
    return !query(promql).isEmpty();
  }

  /** Label values of {@code label} among the series {@code selector} selects. */
  List<String> labelValues(String selector, String label) {
    JsonNode body =
        Http.json(uri("/api/v1/label/" + label + "/values?match[]=" + Http.encode(selector)));
    return Yaml.items(body.path("data")).stream().map(JsonNode::asText).toList();
  }

  /** The state of an alert in Prometheus (pending, firing), if it is active. */
  Optional<String> alertState(String alertname) {
    for (JsonNode a : Http.json(uri("/api/v1/alerts")).path("data").path("alerts")) {
      if (a.path("labels").path("alertname").asText().equals(alertname)) {
        return Optional.of(a.path("state").asText());
      }
    }
    return Optional.empty();
  }

  String diagnostics() {
    String alerts;
    try {
      alerts = Http.json(uri("/api/v1/alerts")).path("data").toString();
    } catch (RuntimeException e) {
      alerts = e.toString();
    }
    return "Prometheus alerts: " + alerts + "\n" + process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
