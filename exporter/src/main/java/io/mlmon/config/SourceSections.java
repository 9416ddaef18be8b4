package io.mlmon.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code sources:} and {@code fields:}: what to tail and where the fields of a line are. */
final class SourceSections {
  private static final int MAX_LINE_BYTES_CAP = 64 << 20;

  private SourceSections() {}

  static List<SourceConfig> sources(YamlNode node, ConfigPaths paths) {
    List<SourceConfig> out = new ArrayList<>();
    List<YamlNode> items = node.items();
    if (items.isEmpty() && !node.hasProblem()) {
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
        path = paths.path(pathNode).orElse(null);
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

  static FieldMapping fields(YamlNode node) {
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
