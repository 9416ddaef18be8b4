package io.mlmon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private MlmonConfig parse(String yaml) throws ConfigException {
    return new ConfigLoader().parse(yaml, dir, "mlmon.yml");
  }

  private List<String> problems(String yaml) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void a_minimal_config_gets_every_default_of_the_contract() throws Exception {
    MlmonConfig c = parse("sources: [{path: logs/predictions.jsonl}]");
    assertThat(c.server().host()).isEqualTo("0.0.0.0");
    assertThat(c.server().port()).isEqualTo(10910);
    assertThat(c.server().webConfig()).isEmpty();
    assertThat(c.stateDir()).isEqualTo(dir.resolve("mlmon-state"));
    SourceConfig s = c.sources().get(0);
    assertThat(s.name()).isEqualTo("predictions");
    assertThat(s.path()).isEqualTo(dir.resolve("logs/predictions.jsonl"));
    assertThat(s.startAt()).isEqualTo(SourceConfig.StartAt.END);
    assertThat(s.maxLineBytes()).isEqualTo(1_048_576);
    assertThat(c.fields()).isEqualTo(FieldMapping.DEFAULTS);
    assertThat(c.fields().latencyMs()).isEqualTo(JsonPointer.compile("/latency_ms"));
    assertThat(c.drift().interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(c.drift().maxSamples()).isEqualTo(10_000);
    assertThat(c.drift().maxAge()).isEqualTo(Duration.ofHours(1));
    assertThat(c.drift().minSamples()).isEqualTo(200);
    assertThat(c.drift().psiBins()).isEqualTo(10);
    assertThat(c.drift().decision().isAuto()).isTrue();
    assertThat(c.drift().datasetShare()).isEqualTo(0.5);
    assertThat(c.labels().ttl()).isEqualTo(Duration.ofDays(30));
    assertThat(c.labels().maxPending()).isEqualTo(1_000_000);
    assertThat(c.host().enabled()).isTrue();
    assertThat(c.host().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.limits()).isEqualTo(Limits.DEFAULTS);
  }

  @Test
  void reads_the_full_example_of_the_contract() throws Exception {
    Files.writeString(dir.resolve("fraud-reference.csv"), "amount,score\n1,0.5\n");
    Files.writeString(dir.resolve("web.yml"), "");
    MlmonConfig c =
        parse(
            """
            server:
              listen: 127.0.0.1:9999
              web_config: web.yml
            state_dir: /var/lib/mlmon
            sources:
              - name: predictions
                path: /var/log/model/predictions*.jsonl
                start_at: beginning
                max_line_bytes: 2048
            fields:
              features: /request/inputs
              score: /response/probability
            models:
              - name: fraud
                reference: fraud-reference.csv
                score_column: proba
                threshold: 0.7
                features: {hour: {type: categorical}}
            drift:
              interval: 30s
              window: {max_samples: 5000, max_age: 2h}
              min_samples: 100
              psi_bins: 20
              decision: {method: psi, threshold: 0.25}
              dataset_share: 0.3
            labels: {ttl: 45d, max_pending: 5000}
            host:
              enabled: false
              interval: 5s
              processes: [{name: model-server, match: "uvicorn|gunicorn"}]
              probes: [{target: model-server, url: "http://127.0.0.1:8080/health", interval: 15s}]
            limits:
              max_models: 3
              max_versions_per_model: 4
              max_features_per_model: 50
              max_categories_per_feature: 7
              max_error_types: 8
            """);
    assertThat(c.server().listen()).isEqualTo("127.0.0.1:9999");
    assertThat(c.server().webConfig().orElseThrow().file()).isEqualTo(dir.resolve("web.yml"));
    assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/mlmon"));
    assertThat(c.sources().get(0).path()).isEqualTo(Path.of("/var/log/model/predictions*.jsonl"));
    assertThat(c.sources().get(0).startAt()).isEqualTo(SourceConfig.StartAt.BEGINNING);
    assertThat(c.sources().get(0).maxLineBytes()).isEqualTo(2048);
    assertThat(c.fields().features()).isEqualTo(JsonPointer.compile("/request/inputs"));
    assertThat(c.fields().score()).isEqualTo(JsonPointer.compile("/response/probability"));
    assertThat(c.fields().model()).isEqualTo(JsonPointer.compile("/model"));
    ModelConfig m = c.models().get(0);
    assertThat(m.reference()).contains(dir.resolve("fraud-reference.csv"));
    assertThat(m.scoreColumn()).isEqualTo("proba");
    assertThat(m.threshold()).hasValue(0.7);
    assertThat(m.features()).containsEntry("hour", ModelConfig.FeatureKind.CATEGORICAL);
    assertThat(c.drift().decision()).isEqualTo(new DriftConfig.Decision("psi", 0.25));
    assertThat(c.drift().maxAge()).isEqualTo(Duration.ofHours(2));
    assertThat(c.labels()).isEqualTo(new LabelsConfig(Duration.ofDays(45), 5000));
    assertThat(c.host().enabled()).isFalse();
    assertThat(c.host().processes().get(0).match().orElseThrow().pattern())
        .isEqualTo("uvicorn|gunicorn");
    assertThat(c.host().probes().get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.limits()).isEqualTo(new Limits(3, 4, 50, 7, 8));
  }

  @Test
  void unknown_keys_are_errors_with_their_path() {
    assertThat(problems("sources: [{path: a.jsonl, colour: red}]\nlabelz: {}\ndrift: {windw: {}}"))
        .containsExactlyInAnyOrder(
            "labelz: unknown key (expected one of drift, fields, host, labels, limits, models,"
                + " server, sources, state_dir)",
            "sources[0].colour: unknown key (expected one of max_line_bytes, name, path,"
                + " start_at)",
            "drift.windw: unknown key (expected one of dataset_share, decision, interval,"
                + " min_samples, psi_bins, window)");
  }

  @Test
  void bad_durations_name_their_key() {
    assertThat(problems("sources: [{path: a}]\ndrift: {interval: 15, window: {max_age: 1x}}"))
        .containsExactlyInAnyOrder(
            "drift.interval: not a duration: 15 (use Prometheus syntax, e.g. 15s, 5m, 1h)",
            "drift.window.max_age: not a duration: \"1x\" (use Prometheus syntax, e.g. 15s, 5m,"
                + " 1h, 30d)");
  }

  @Test
  void missing_files_and_bad_pointers_are_reported_together() {
    assertThat(
            problems(
                """
                sources: [{path: a.jsonl}]
                server: {web_config: nope.yml}
                models: [{name: fraud, reference: missing.csv}]
                fields: {score: response/probability, model: ""}
                """))
        .containsExactlyInAnyOrder(
            "server.web_config: file not found: " + dir.resolve("nope.yml"),
            "models[0].reference: file not found: " + dir.resolve("missing.csv"),
            "fields.score: not a JSON Pointer into the line: \"response/probability\" (it must"
                + " start with /, e.g. /response/score)",
            "fields.model: not a JSON Pointer into the line: \"\" (it must start with /, e.g."
                + " /response/score)")
        .hasSize(4);
  }

  @Test
  void a_yaml_syntax_error_names_the_file_and_line() {
    List<String> p = problems("sources:\n  - path: a\n   bad: [\n");
    assertThat(p).hasSize(1);
    assertThat(p.get(0)).startsWith("mlmon.yml:3:").contains("invalid YAML");
  }

  @Test
  void duplicate_keys_are_syntax_errors() {
    assertThat(problems("sources: [{path: a}]\nsources: [{path: b}]").get(0))
        .contains("mlmon.yml:2:")
        .contains("Duplicate field 'sources'");
  }

  @Test
  void values_of_the_wrong_shape_are_reported() {
    assertThat(
            problems(
                """
                server: {listen: "localhost"}
                sources: [{path: a, name: x, start_at: middle, max_line_bytes: 10}, {path: b, name: x}]
                models: [{name: m, threshold: high}, {name: m}]
                drift: {min_samples: 20000, decision: {method: magic}, dataset_share: 2}
                labels: {max_pending: -1}
                host: {enabled: yes please, processes: [{name: p}], probes: [{target: t, url: "ftp://x"}]}
                limits: {max_models: 0}
                """))
        .containsExactlyInAnyOrder(
            "server.listen: must be host:port, e.g. 0.0.0.0:10910, not \"localhost\"",
            "sources[0].start_at: must be end or beginning, not \"middle\"",
            "sources[0].max_line_bytes: must be between 64 and 67108864, not 10",
            "sources[1].name: duplicate source name \"x\"",
            "models[0].threshold: must be a number, not \"high\"",
            "models[1].name: duplicate model name \"m\"",
            "drift.min_samples: must not exceed drift.window.max_samples (10000), or drift is never"
                + " computed",
            "drift.decision.method: must be one of psi, ks, wasserstein, jensen_shannon, chi2, not"
                + " \"magic\"",
            "drift.dataset_share: must be greater than 0 and at most 1.0, not 2",
            "labels.max_pending: must be between 0 and 100000000, not -1",
            "host.enabled: must be true or false, not \"yes please\"",
            "host.processes[0]: needs exactly one of match (a command-line regex) and pid_file",
            "host.probes[0].url: must be http://host:port/path, https://… or tcp://host:port, not"
                + " \"ftp://x\"",
            "limits.max_models: must be between 1 and 10000, not 0");
  }

  @Test
  void sources_are_required() {
    assertThat(problems(""))
        .containsExactly("sources: at least one source is required (a file or glob to tail)");
    assertThat(problems("sources: []"))
        .containsExactly("sources: at least one source is required (a file or glob to tail)");
  }

  @Test
  void only_the_file_name_may_be_a_glob() {
    assertThat(problems("sources: [{path: 'logs-*/p.jsonl'}]"))
        .containsExactly(
            "sources[0].path: only the file name may hold wildcards, not the folder:"
                + " logs-*/p.jsonl");
  }

  @Test
  void the_default_source_name_drops_extension_and_wildcards() {
    assertThat(SourceSections.defaultName(Path.of("/x/predictions*.jsonl")))
        .isEqualTo("predictions");
    assertThat(SourceSections.defaultName(Path.of("/x/predictions-*.jsonl")))
        .isEqualTo("predictions");
    assertThat(SourceSections.defaultName(Path.of("/x/labels.jsonl"))).isEqualTo("labels");
    assertThat(SourceSections.defaultName(Path.of("/x/*.jsonl"))).isEqualTo("log");
  }

  @Test
  void a_decision_may_be_a_bare_method_with_its_default_threshold() throws Exception {
    assertThat(parse("sources: [{path: a}]\ndrift: {decision: wasserstein}").drift().decision())
        .isEqualTo(new DriftConfig.Decision("wasserstein", 0.1));
    assertThat(parse("sources: [{path: a}]\ndrift: {decision: {method: ks}}").drift().decision())
        .isEqualTo(new DriftConfig.Decision("ks", 0.05));
  }

  @Test
  void the_same_pointer_for_two_fields_is_an_error() {
    assertThat(problems("sources: [{path: a}]\nfields: {score: /model}"))
        .containsExactly("fields.score: same pointer /model as fields.model");
  }

  @Test
  void a_pointer_inside_another_field_is_an_error() {
    assertThat(
            problems("sources: [{path: a}]\nfields: {features: /request, model: /request/model}"))
        .containsExactly(
            "fields.features: /request and fields.model (/request/model) overlap: one lies inside"
                + " the other");
  }

  @Test
  void load_reads_a_file_and_resolves_paths_against_its_folder() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("etc"));
    Path file = sub.resolve("mlmon.yml");
    Files.writeString(file, "sources: [{path: ../log/p.jsonl}]\nstate_dir: state\n");
    MlmonConfig c = new ConfigLoader().load(file);
    assertThat(c.sources().get(0).path()).isEqualTo(dir.resolve("log/p.jsonl"));
    assertThat(c.stateDir()).isEqualTo(sub.resolve("state"));
  }

  @Test
  void a_missing_config_file_is_one_clear_problem() throws IOException {
    assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope.yml")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file not found: " + dir.resolve("nope.yml"));
  }
}
