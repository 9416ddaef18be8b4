package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.cli.Main;
import io.mlmon.config.ConfigLoader;
import io.mlmon.config.MlmonConfig;
import io.mlmon.testing.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml, the Dockerfile, the demo traffic writer and the Kubernetes manifests. */
class BundleDeployTest {
  @Test
  void docker_compose_accepts_the_compose_file() {
    Command.Result r =
        Command.run(
            RepoRoot.get(),
            Duration.ofSeconds(60),
            Tools.dockerCompose(),
            "-f",
            "docker-compose.yml",
            "config",
            "-q");
    assertThat(r.ok()).as(r.describe()).isTrue();
  }

  @Test
  void compose_runs_writer_and_exporter_as_sidecars_sharing_the_log_volume() {
    JsonNode services = Yaml.read(RepoRoot.resolve("docker-compose.yml")).path("services");
    assertThat(Yaml.fields(services))
        .extracting(e -> e.getKey())
        .contains("demo-writer", "mlmon", "prometheus", "alertmanager", "grafana", "webhook");
    JsonNode writer = services.path("demo-writer");
    JsonNode mlmon = services.path("mlmon");
    assertThat(writer.path("volumes").toString()).contains("\"predictions:/var/log/model\"");
    assertThat(mlmon.path("volumes").toString()).contains("\"predictions:/var/log/model:ro\"");
    assertThat(mlmon.path("pid").asText()).isEqualTo("service:demo-writer");
    assertThat(writer.path("command").toString()).contains("\"demo\"", "\"--write-only\"");
    JsonNode grafana = services.path("grafana").path("environment");
    assertThat(grafana.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("true");
    assertThat(grafana.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asText()).isEqualTo("Viewer");
    // the URLs of alertmanager.yml's receivers are the webhook service's
    assertThat(services.path("webhook").path("environment").path("HTTP_PORT").asText())
        .isEqualTo("8080");
  }

  @Test
  void the_dockerfile_builds_with_maven_and_runs_a_jre_17_as_non_root_with_a_health_check()
      throws IOException {
    List<String> lines = Files.readAllLines(RepoRoot.resolve("Dockerfile"));
    List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).contains("maven").contains("AS build");
    assertThat(froms.get(1)).contains("17-jre");
    String user =
        lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
    assertThat(user).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
    String text = String.join("\n", lines);
    assertThat(text).contains("HEALTHCHECK").contains("/-/healthy");
    assertThat(text).contains("COPY --from=build");
  }

  @Test
  void the_demo_config_and_the_kubernetes_config_are_valid_mlmon_configs() throws Exception {
    ConfigLoader loader = new ConfigLoader();
    MlmonConfig demo = loader.load(RepoRoot.resolve("deploy/demo/mlmon.yml"));
    assertThat(demo.models()).extracting(m -> m.name()).containsExactly("fraud");
    JsonNode cm = Yaml.read(RepoRoot.resolve("deploy/kubernetes/configmap.yaml"));
    MlmonConfig k8s =
        loader.parse(cm.path("data").path("mlmon.yml").asText(), RepoRoot.get(), "configmap");
    assertThat(k8s.server().port()).isEqualTo(10910);
  }

  /** The demo writer's lines are events the exporter reads: predictions, joined labels. */
  @Test
  void the_demo_traffic_writer_produces_a_log_mlmon_reads(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("predictions.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "demo",
                "--write-only",
                log.toString(),
                "--speed",
                "20")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("writer.out").toFile())
            .start();
    try {
      // at speed 20 the first chargebacks (20 simulated seconds after a transaction) come within
      // a few seconds
      Poll.until(
          Duration.ofSeconds(30),
          "demo traffic with labels",
          () ->
              read(log).contains("\"type\":\"label\"") && lines(log) >= 150
                  ? Optional.of(true)
                  : Optional.empty(),
          () -> "writer output: " + read(dir.resolve("writer.out")));
    } finally {
      writer.destroy();
      if (!writer.waitFor(5, TimeUnit.SECONDS)) {
        writer.destroyForcibly();
      }
    }
    Path config = dir.resolve("mlmon.yml");
    Files.writeString(
        config,
        "sources: [{name: predictions, path: predictions.jsonl}]\nmodels: [{name: fraud, threshold: 0.5}]\n");
    Path metrics = dir.resolve("metrics.txt");
    int status =
        Main.execute("replay", "--config", config.toString(), "--output", metrics.toString());
    assertThat(status).isZero();
    String text = Files.readString(metrics);
    assertThat(value(text, "mlmon_predictions_total{model=\"fraud\",version=\"v3\"}"))
        .isGreaterThan(50);
    assertThat(value(text, "mlmon_labels_total{model=\"fraud\",result=\"joined\"}"))
        .isGreaterThan(0);
    assertThat(
            value(text, "mlmon_log_lines_rejected_total{reason=\"schema\",source=\"predictions\"}"))
        .isZero();
  }

  private static long lines(Path log) {
    try {
      return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static double value(String exposition, String series) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(series + " "))
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + exposition));
  }

  @Test
  void the_kubernetes_pod_runs_the_model_server_and_the_sidecar_on_a_shared_empty_dir() {
    JsonNode spec =
        Yaml.read(RepoRoot.resolve("deploy/kubernetes/deployment.yaml"))
            .path("spec")
            .path("template")
            .path("spec");
    List<JsonNode> containers = Yaml.items(spec.path("containers"));
    assertThat(containers)
        .extracting(c -> c.path("name").asText())
        .containsExactly("model-server", "mlmon");
    JsonNode logVolume =
        Yaml.items(spec.path("volumes")).stream()
            .filter(v -> v.path("name").asText().equals("prediction-log"))
            .findFirst()
            .orElseThrow();
    assertThat(logVolume.has("emptyDir")).isTrue();
    List<String> mounts = new ArrayList<>();
    for (JsonNode c : containers) {
      for (JsonNode m : c.path("volumeMounts")) {
        if (m.path("name").asText().equals("prediction-log")) {
          mounts.add(c.path("name").asText() + (m.path("readOnly").asBoolean() ? ":ro" : ":rw"));
        }
      }
    }
    assertThat(mounts).containsExactly("model-server:rw", "mlmon:ro");
    assertThat(spec.path("shareProcessNamespace").asBoolean()).isTrue();
    JsonNode mlmon = containers.get(1);
    assertThat(mlmon.path("ports").get(0).path("containerPort").asInt()).isEqualTo(10910);
    assertThat(mlmon.path("ports").get(0).path("name").asText()).isEqualTo("metrics");
  }

  @Test
  void the_service_monitor_scrapes_the_service_metrics_port_as_job_mlmon() {
    JsonNode service = Yaml.read(RepoRoot.resolve("deploy/kubernetes/service.yaml"));
    JsonNode monitor = Yaml.read(RepoRoot.resolve("deploy/kubernetes/servicemonitor.yaml"));
    JsonNode deployment = Yaml.read(RepoRoot.resolve("deploy/kubernetes/deployment.yaml"));
    assertThat(monitor.path("kind").asText()).isEqualTo("ServiceMonitor");
    assertThat(monitor.path("spec").path("selector").path("matchLabels"))
        .isEqualTo(service.path("metadata").path("labels"));
    assertThat(service.path("spec").path("selector"))
        .isEqualTo(deployment.path("spec").path("template").path("metadata").path("labels"));
    JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("port").asText()).isEqualTo("metrics");
    assertThat(service.path("spec").path("ports").toString()).contains("\"name\":\"metrics\"");
    assertThat(endpoint.path("interval").asText()).isEqualTo("15s");
    assertThat(endpoint.path("relabelings").toString())
        .contains("\"targetLabel\":\"job\"")
        .contains("\"replacement\":\"mlmon\"");
    JsonNode kustomization = Yaml.read(RepoRoot.resolve("deploy/kubernetes/kustomization.yaml"));
    assertThat(Yaml.items(kustomization.path("resources")))
        .extracting(JsonNode::asText)
        .contains("deployment.yaml", "service.yaml", "servicemonitor.yaml", "prometheusrule.yaml");
  }
}
