package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.testing.RepoRoot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Alertmanager on a free loopback port (clustering off) running a copy of the project's
 * alertmanager.yml in which only the receivers' URLs and the PagerDuty key file's path are
 * rewritten, to point at a {@link WebhookReceiver}.
 */
final class AlertmanagerServer implements AutoCloseable {
  static final String ROUTING_KEY = "test-routing-key";

  private final ManagedProcess process;
  private final int port;

  private AlertmanagerServer(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static AlertmanagerServer start(Path dir, WebhookReceiver webhook) throws IOException {
    Path keyFile = dir.resolve("pagerduty-routing-key");
    Files.writeString(keyFile, ROUTING_KEY + "\n");
    String original = Files.readString(RepoRoot.resolve("alertmanager/alertmanager.yml"));
    String config =
        substitute(
            original,
            Map.of(
                "http://webhook:8080/page", webhook.uri("/page").toString(),
                "http://webhook:8080/ticket", webhook.uri("/ticket").toString(),
                "https://events.pagerduty.com/v2/enqueue", webhook.uri("/pagerduty").toString(),
                "/etc/alertmanager/secrets/pagerduty-routing-key", keyFile.toString()));
    Path configFile = dir.resolve("alertmanager.yml");
    Files.writeString(configFile, config);
    for (int attempt = 1; ; attempt++) {
      int port = ManagedProcess.freePort();
      Path data = Files.createDirectories(dir.resolve("alertmanager-data-" + attempt));
      ManagedProcess p =
          ManagedProcess.start(
              "alertmanager",
              List.of(
                  Tools.alertmanager().toString(),
                  "--config.file=" + configFile,
                  "--storage.path=" + data,
                  "--web.listen-address=127.0.0.1:" + port,
                  "--cluster.listen-address=",
                  "--log.level=debug"),
              dir,
              dir.resolve("alertmanager-" + attempt + ".log"));
      AlertmanagerServer server = new AlertmanagerServer(p, port);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline && p.isAlive() && !Http.ok(server.uri("/-/ready"))) {
        Poll.sleep(200);
      }
      if (Http.ok(server.uri("/-/ready"))) {
        return server;
      }
      server.close();
      if (attempt == 3) {
        return fail("Alertmanager did not become ready%n%s", p.logTail());
      }
    }
  }

  /** Replaces each URL or path, which must occur in the file: nothing else changes. */
  private static String substitute(String config, Map<String, String> replacements) {
    String out = config;
    for (Map.Entry<String, String> e : replacements.entrySet()) {
      assertThat(out)
          .as("alertmanager.yml no longer has " + e.getKey() + ": update the end-to-end test")
          .contains(e.getKey());
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  int port() {
    return port;
  }

  /** Alertmanager's view of the alerts named {@code alertname} (/api/v2/alerts). */
  List<JsonNode> alerts(String alertname) {
    String filter = Http.encode("alertname=\"" + alertname + "\"");
    return Yaml.items(Http.json(uri("/api/v2/alerts?filter=" + filter)));
  }

  String diagnostics() {
    String alerts;
    try {
      alerts = Http.json(uri("/api/v2/alerts")).toString();
    } catch (RuntimeException e) {
      alerts = e.toString();
    }
    return "Alertmanager alerts: " + alerts + "\n" + process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
