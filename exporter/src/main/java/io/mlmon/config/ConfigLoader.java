package io.mlmon.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

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
      root = YamlTree.read(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigException("", syntaxError(fileName, e));
    }
    List<ConfigProblem> problems = new ArrayList<>();
    YamlNode top = new YamlNode(root, "", problems);
    if (!top.isMissing()) {
      top.checkMapping(TOP_KEYS);
    }
    ConfigPaths paths = new ConfigPaths(baseDir.toAbsolutePath().normalize());
    MlmonConfig config =
        new MlmonConfig(
            ServerSection.read(top.child("server"), paths),
            paths.path(top.child("state_dir")).orElse(paths.resolve("mlmon-state")),
            SourceSections.sources(top.child("sources"), paths),
            SourceSections.fields(top.child("fields")),
            ModelSections.models(top.child("models"), paths),
            ModelSections.drift(top.child("drift")),
            ModelSections.labels(top.child("labels")),
            HostSection.read(top.child("host"), paths),
            ModelSections.limits(top.child("limits")));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return config;
  }

  /**
   * {@code file:line:column: invalid YAML: problem (context at line n)}, from SnakeYAML's marks.
   */
  private static String syntaxError(String fileName, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark at = m.getProblemMark();
      StringBuilder text =
          new StringBuilder(fileName)
              .append(':')
              .append(at.getLine() + 1)
              .append(':')
              .append(at.getColumn() + 1)
              .append(": invalid YAML: ")
              .append(firstLine(m.getProblem()));
      if (m.getContext() != null && m.getContextMark() != null) {
        text.append(" (")
            .append(firstLine(m.getContext()))
            .append(" at line ")
            .append(m.getContextMark().getLine() + 1)
            .append(')');
      }
      return text.toString();
    }
    JsonLocation loc = e.getLocation();
    String where =
        loc == null ? fileName : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    return where + ": invalid YAML: " + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    String m = message == null ? "syntax error" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
