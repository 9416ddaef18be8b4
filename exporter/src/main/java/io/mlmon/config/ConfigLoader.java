package io.mlmon.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlmon.config.HostConfig.ProbeConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import io.mlmon.config.ModelConfig.FeatureKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the YAML configuration into {@link MlmonConfig}. Every problem is reported with its key
 * path (and line, for YAML syntax errors); relative paths resolve against the config file's folder.
 */
public final class ConfigLoader {
  private static final Set<String> TOP_KEYS =
      Set.of(
          "server",
          "state_dir",
          "sources",
          "fields",
          "models",
          "drift",
          "labels",
          "host",
          "limits");
  private static final Set<String> DRIFT_METHODS =
      Set.of("psi", "ks", "wasserstein", "jensen_shannon", "chi2");
  private static final Set<String> P_VALUE_METHODS = Set.of("ks", "chi2");
  private static final Map<String, Double> DEFAULT_THRESHOLDS =
      Map.of("psi", 0.2, "ks", 0.05, "wasserstein", 0.1, "jensen_shannon", 0.1, "chi2", 0.05);
  private static final int MAX_LINE_BYTES_CAP = 64 << 20;

  private final YAMLMapper mapper;

  public ConfigLoader() {
    YAMLFactory factory = new YAMLFactory();
    factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper = new YAMLMapper(factory);
  }

  /** Loads and validates the config file. */
  public MlmonConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("", "config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, dir, file.getFileName().toString());
  }

  /** Parses YAML text; relative paths resolve against {@code baseDir}. */
  public MlmonConfig parse(String yaml, Path baseDir, String fileName) throws ConfigException {
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where =
          loc == null ? fileName : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ConfigException("", where + ": invalid YAML: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null) {
      root = MissingNode.getInstance();
    }
    List<ConfigProblem> problems = new ArrayList<>();
    YamlNode top = new YamlNode(root, "", problems);
    if (!top.isMissing()) {
      top.checkMapping(TOP_KEYS);
    }
    Reading r = new Reading(baseDir.toAbsolutePath().normalize(), problems);
    MlmonConfig config =
        new MlmonConfig(
            r.server(top.child("server")),
            r.path(top.child("state_dir")).orElse(r.baseDir.resolve("mlmon-state")),
            r.sources(top.child("sources")),
            r.fields(top.child("fields")),
            r.models(top.child("models")),
            r.drift(top.child("drift")),
            r.labels(top.child("labels")),
            r.host(top.child("host")),
            r.limits(top.child("limits")));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  private static String firstLine(String message) {
    String m = message == null ? "syntax error" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** The reading of one file: its folder and the problems found so far. */
  private static final class Reading {
    private final Path baseDir;
    private final List<ConfigProblem> problems;

    Reading(Path baseDir, List<ConfigProblem> problems) {
      this.baseDir = baseDir;
      this.problems = problems;
    }

    Optional<Path> path(YamlNode node) {
      return node.parsed(
          text -> {
            try {
              return baseDir.resolve(text).normalize();
            } catch (InvalidPathException e) {
              throw new IllegalArgumentException("not a valid path: " + text);
            }
          });
    }

    Optional<Path> existingFile(YamlNode node) {
      Optional<Path> p = path(node);
      if (p.isPresent() && !Files.isRegularFile(p.get())) {
        node.problem("file not found: " + p.get());
        return Optional.empty();
      }
      if (p.isPresent() && !Files.isReadable(p.get())) {
        node.problem("file not readable: " + p.get());
        return Optional.empty();
      }
      return p;
    }

    ServerConfig server(YamlNode node) {
      node.checkMapping(Set.of("listen", "web_config"));
      String host = "0.0.0.0";
      int port = ServerConfig.DEFAULT_PORT;
      YamlNode listen = node.child("listen");
      Optional<String> text = listen.optionalString();
      if (text.isPresent()) {
        String s = text.get().strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
          listen.problem("must be host:port, e.g. 0.0.0.0:10910, not \"" + s + "\"");
        } else {
          String h = s.substring(0, colon);
          if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
          }
          host = h.isEmpty() ? "0.0.0.0" : h;
          try {
            port = Integer.parseInt(s.substring(colon + 1));
            if (port < 0 || port > 65535) {
              listen.problem("port must be between 0 and 65535, not " + port);
              port = ServerConfig.DEFAULT_PORT;
            }
          } catch (NumberFormatException e) {
            listen.problem("port is not a number in \"" + s + "\"");
          }
        }
      }
      return new ServerConfig(host, port, existingFile(node.child("web_config")));
    }

    List<SourceConfig> sources(YamlNode node) {
      List<SourceConfig> out = new ArrayList<>();
      List<YamlNode> items = node.items();
      if (items.isEmpty() && !problemAt(node)) {
        node.problem("at least one source is required (a file or glob to tail)");
      }
      Set<String> names = new HashSet<>();
      for (YamlNode item : items) {
        if (!item.checkMapping(Set.of("name", "path", "start_at", "max_line_bytes"))) {
          if (item.isMissing()) {
            item.problem("must be a mapping with at least a path");
          }
          continue;
        }
        YamlNode pathNode = item.child("path");
        String pathText = pathNode.requiredString();
        Path path = null;
        if (!pathText.isBlank()) {
          path = path(pathNode).orElse(null);
          if (path != null && path.getParent() != null && isGlob(path.getParent().toString())) {
            pathNode.problem("only the file name may hold wildcards, not the folder: " + pathText);
          }
        }
        String name = item.child("name").string(path == null ? "" : defaultName(path));
        if (name.isBlank() && path != null) {
          item.child("name").problem("must not be empty");
        } else if (!name.isBlank() && !names.add(name)) {
          item.child("name").problem("duplicate source name \"" + name + "\"");
        }
        SourceConfig.StartAt startAt = SourceConfig.StartAt.END;
        YamlNode start = item.child("start_at");
        String startText = start.string("end");
        switch (startText) {
          case "end" -> startAt = SourceConfig.StartAt.END;
          case "beginning" -> startAt = SourceConfig.StartAt.BEGINNING;
          default -> start.problem("must be end or beginning, not \"" + startText + "\"");
        }
        int maxLine =
            item.child("max_line_bytes")
                .integer(SourceConfig.DEFAULT_MAX_LINE_BYTES, 64, MAX_LINE_BYTES_CAP);
        if (path != null && !name.isBlank()) {
          out.add(new SourceConfig(name, path, startAt, maxLine));
        }
      }
      return out;
    }

    private boolean problemAt(YamlNode node) {
      return problems.stream().anyMatch(p -> p.path().equals(node.path()));
    }

    FieldMapping fields(YamlNode node) {
      Map<String, JsonPointer> defaults = FieldMapping.DEFAULTS.byKey();
      node.checkMapping(defaults.keySet());
      Map<String, JsonPointer> chosen = new LinkedHashMap<>();
      for (Map.Entry<String, JsonPointer> e : defaults.entrySet()) {
        YamlNode field = node.child(e.getKey());
        JsonPointer pointer =
            field
                .parsed(
                    text -> {
                      if (text.isEmpty() || !text.startsWith("/")) {
                        throw new IllegalArgumentException(
                            "not a JSON Pointer into the line: \""
                                + text
                                + "\" (it must start with /, e.g. /response/score)");
                      }
                      try {
                        return JsonPointer.compile(text);
                      } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException(
                            "not a valid JSON Pointer: \"" + text + "\": " + ex.getMessage());
                      }
                    })
                .orElse(e.getValue());
        chosen.put(e.getKey(), pointer);
      }
      Map<String, String> seen = new LinkedHashMap<>();
      for (Map.Entry<String, JsonPointer> e : chosen.entrySet()) {
        String pointer = e.getValue().toString();
        for (Map.Entry<String, String> earlier : seen.entrySet()) {
          String other = earlier.getKey();
          if (pointer.equals(other)) {
            node.child(e.getKey())
                .problem("same pointer " + pointer + " as fields." + earlier.getValue());
          } else if (pointer.startsWith(other + "/") || other.startsWith(pointer + "/")) {
            // The outer value would be read whole and the inner field never found.
            node.child(e.getKey())
                .problem(
                    pointer
                        + " and fields."
                        + earlier.getValue()
                        + " ("
                        + other
                        + ") overlap: one lies inside the other");
          }
        }
        seen.put(pointer, e.getKey());
      }
      return new FieldMapping(
          chosen.get("type"),
          chosen.get("timestamp"),
          chosen.get("model"),
          chosen.get("version"),
          chosen.get("id"),
          chosen.get("features"),
          chosen.get("score"),
          chosen.get("flagged"),
          chosen.get("label"),
          chosen.get("latency_ms"),
          chosen.get("error"));
    }

    List<ModelConfig> models(YamlNode node) {
      List<ModelConfig> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (YamlNode item : node.items()) {
        if (!item.checkMapping(
            Set.of("name", "reference", "score_column", "threshold", "features"))) {
          if (item.isMissing()) {
            item.problem("must be a mapping with at least a name");
          }
          continue;
        }
        String name = item.child("name").requiredString();
        if (!name.isBlank() && !names.add(name)) {
          item.child("name").problem("duplicate model name \"" + name + "\"");
        }
        Optional<Path> reference = existingFile(item.child("reference"));
        String scoreColumn = item.child("score_column").string("score");
        Optional<Double> threshold =
            item.child("threshold").optionalNumber(-Double.MAX_VALUE, Double.MAX_VALUE);
        Map<String, FeatureKind> features = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> f : item.child("features").entries()) {
          YamlNode spec = f.getValue();
          if (!spec.checkMapping(Set.of("type"))) {
            if (spec.isMissing()) {
              spec.problem("must be a mapping like {type: numeric}");
            }
            continue;
          }
          YamlNode type = spec.child("type");
          String t = type.requiredString();
          switch (t) {
            case "numeric" -> features.put(f.getKey(), FeatureKind.NUMERIC);
            case "categorical" -> features.put(f.getKey(), FeatureKind.CATEGORICAL);
            case "" -> {}
            default -> type.problem("must be numeric or categorical, not \"" + t + "\"");
          }
        }
        out.add(
            new ModelConfig(
                name,
                reference,
                scoreColumn,
                threshold.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                features));
      }
      return out;
    }

    DriftConfig drift(YamlNode node) {
      node.checkMapping(
          Set.of("interval", "window", "min_samples", "psi_bins", "decision", "dataset_share"));
      Duration interval =
          node.child("interval").duration(Duration.ofSeconds(15), Duration.ofMillis(100));
      YamlNode window = node.child("window");
      window.checkMapping(Set.of("max_samples", "max_age"));
      int maxSamples = window.child("max_samples").integer(10_000, 1, 10_000_000);
      Duration maxAge =
          window.child("max_age").duration(Duration.ofHours(1), Duration.ofSeconds(1));
      YamlNode minNode = node.child("min_samples");
      int minSamples = minNode.integer(200, 1, 10_000_000);
      if (minSamples > maxSamples) {
        minNode.problem(
            "must not exceed drift.window.max_samples ("
                + maxSamples
                + "), or drift is never computed");
      }
      int bins = node.child("psi_bins").integer(10, 2, 1000);
      DriftConfig.Decision decision = decision(node.child("decision"));
      double share = node.child("dataset_share").positive(0.5, 1.0);
      return new DriftConfig(interval, maxSamples, maxAge, minSamples, bins, decision, share);
    }

    private DriftConfig.Decision decision(YamlNode node) {
      if (node.isMissing()) {
        return DriftConfig.Decision.auto();
      }
      if (node.isText()) {
        String text = node.string("auto");
        if (text.equals("auto")) {
          return DriftConfig.Decision.auto();
        }
        if (DRIFT_METHODS.contains(text)) {
          return new DriftConfig.Decision(text, DEFAULT_THRESHOLDS.get(text));
        }
        node.problem(
            "must be auto or {method: psi|ks|wasserstein|jensen_shannon|chi2, threshold: N}, not \""
                + text
                + "\"");
        return DriftConfig.Decision.auto();
      }
      if (!node.checkMapping(Set.of("method", "threshold"))) {
        return DriftConfig.Decision.auto();
      }
      YamlNode methodNode = node.child("method");
      String method = methodNode.requiredString();
      if (!method.isBlank() && !DRIFT_METHODS.contains(method)) {
        methodNode.problem(
            "must be one of psi, ks, wasserstein, jensen_shannon, chi2, not \"" + method + "\"");
        return DriftConfig.Decision.auto();
      }
      if (method.isBlank()) {
        return DriftConfig.Decision.auto();
      }
      double max = P_VALUE_METHODS.contains(method) ? 1.0 : Double.MAX_VALUE;
      double threshold = node.child("threshold").positive(DEFAULT_THRESHOLDS.get(method), max);
      return new DriftConfig.Decision(method, threshold);
    }

    LabelsConfig labels(YamlNode node) {
      node.checkMapping(Set.of("ttl", "max_pending"));
      Duration ttl = node.child("ttl").duration(Duration.ofDays(30), Duration.ofSeconds(1));
      int maxPending = node.child("max_pending").integer(1_000_000, 0, 100_000_000);
      return new LabelsConfig(ttl, maxPending);
    }

    HostConfig host(YamlNode node) {
      node.checkMapping(Set.of("enabled", "interval", "processes", "probes"));
      boolean enabled = node.child("enabled").bool(true);
      Duration interval =
          node.child("interval").duration(Duration.ofSeconds(10), Duration.ofSeconds(1));
      List<ProcessConfig> processes = new ArrayList<>();
      Set<String> processNames = new HashSet<>();
      for (YamlNode item : node.child("processes").items()) {
        if (!item.checkMapping(Set.of("name", "match", "pid_file"))) {
          if (item.isMissing()) {
            item.problem("must be a mapping {name, match} or {name, pid_file}");
          }
          continue;
        }
        String name = item.child("name").requiredString();
        if (!name.isBlank() && !processNames.add(name)) {
          item.child("name").problem("duplicate process name \"" + name + "\"");
        }
        Optional<Pattern> match =
            item.child("match")
                .parsed(
                    regex -> {
                      try {
                        return Pattern.compile(regex);
                      } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException(
                            "not a valid regular expression: " + e.getDescription());
                      }
                    });
        Optional<Path> pidFile = path(item.child("pid_file"));
        boolean hasMatch = !item.child("match").isMissing();
        boolean hasPid = !item.child("pid_file").isMissing();
        if (hasMatch == hasPid) {
          item.problem("needs exactly one of match (a command-line regex) and pid_file");
        } else if (!name.isBlank() && (match.isPresent() || pidFile.isPresent())) {
          processes.add(new ProcessConfig(name, match, pidFile));
        }
      }
      List<ProbeConfig> probes = new ArrayList<>();
      Set<String> targets = new HashSet<>();
      for (YamlNode item : node.child("probes").items()) {
        if (!item.checkMapping(Set.of("target", "url", "interval", "timeout"))) {
          if (item.isMissing()) {
            item.problem("must be a mapping {target, url}");
          }
          continue;
        }
        String target = item.child("target").requiredString();
        if (!target.isBlank() && !targets.add(target)) {
          item.child("target").problem("duplicate probe target \"" + target + "\"");
        }
        YamlNode urlNode = item.child("url");
        String urlText = urlNode.requiredString();
        URI url = urlText.isBlank() ? null : probeUrl(urlNode, urlText);
        Duration every =
            item.child("interval").duration(Duration.ofSeconds(15), Duration.ofMillis(100));
        Duration defaultTimeout =
            every.compareTo(Duration.ofSeconds(5)) < 0 ? every : Duration.ofSeconds(5);
        YamlNode timeoutNode = item.child("timeout");
        Duration timeout = timeoutNode.duration(defaultTimeout, Duration.ofMillis(1));
        if (timeout.compareTo(every) > 0) {
          timeoutNode.problem(
              "must not exceed the probe's interval (" + Durations.format(every) + ")");
        }
        if (url != null && !target.isBlank()) {
          probes.add(new ProbeConfig(target, url, every, timeout));
        }
      }
      return new HostConfig(enabled, interval, processes, probes);
    }

    private static URI probeUrl(YamlNode node, String text) {
      try {
        URI uri = new URI(text);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https", "tcp").contains(scheme) || uri.getHost() == null) {
          node.problem(
              "must be http://host:port/path, https://… or tcp://host:port, not \"" + text + "\"");
          return null;
        }
        if (scheme.equals("tcp") && uri.getPort() < 0) {
          node.problem("a tcp probe needs a port: tcp://host:port");
          return null;
        }
        return uri;
      } catch (URISyntaxException e) {
        node.problem("not a valid URL: \"" + text + "\"");
        return null;
      }
    }

    Limits limits(YamlNode node) {
      node.checkMapping(
          Set.of(
              "max_models",
              "max_versions_per_model",
              "max_features_per_model",
              "max_categories_per_feature",
              "max_error_types"));
      Limits d = Limits.DEFAULTS;
      return new Limits(
          node.child("max_models").integer(d.maxModels(), 1, 10_000),
          node.child("max_versions_per_model").integer(d.maxVersionsPerModel(), 1, 10_000),
          node.child("max_features_per_model").integer(d.maxFeaturesPerModel(), 1, 100_000),
          node.child("max_categories_per_feature").integer(d.maxCategoriesPerFeature(), 1, 10_000),
          node.child("max_error_types").integer(d.maxErrorTypes(), 1, 10_000));
    }
  }

  static boolean isGlob(String text) {
    return text.indexOf('*') >= 0
        || text.indexOf('?') >= 0
        || text.indexOf('[') >= 0
        || text.indexOf('{') >= 0;
  }

  /**
   * The file name without its extension and wildcards: {@code predictions*.jsonl} → predictions.
   */
  static String defaultName(Path path) {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    int dot = file.indexOf('.');
    String stem = dot > 0 ? file.substring(0, dot) : file;
    String cleaned = stem.replaceAll("[*?\\[\\]{}]", "").replaceAll("[-_]+$", "");
    return cleaned.isEmpty() ? "log" : cleaned;
  }
}
