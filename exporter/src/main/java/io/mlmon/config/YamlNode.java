package io.mlmon.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A value of the YAML tree together with its key path; reading a value of the wrong shape records a
 * problem at that path and returns the default, so that every problem of a file is reported in one
 * pass.
 */
final class YamlNode {
  private final JsonNode value;
  private final String path;
  private final List<ConfigProblem> problems;

  YamlNode(JsonNode value, String path, List<ConfigProblem> problems) {
    this.value = value;
    this.path = path;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  boolean isMissing() {
    return value == null || value.isMissingNode() || value.isNull();
  }

  boolean isText() {
    return !isMissing() && value.isTextual();
  }

  /** Whether a problem was already recorded at exactly this path. */
  boolean hasProblem() {
    return problems.stream().anyMatch(p -> p.path().equals(path));
  }

  void problem(String message) {
    problems.add(new ConfigProblem(path, message));
  }

  /** The child under {@code key}; checks this is a mapping of only the {@code allowed} keys. */
  YamlNode child(String key) {
    String childPath = path.isEmpty() ? key : path + "." + key;
    return new YamlNode(
        isMissing() || !value.isObject() ? null : value.get(key), childPath, problems);
  }

  /** Verifies this node is a mapping (or absent) holding only {@code allowed} keys. */
  boolean checkMapping(Set<String> allowed) {
    if (isMissing()) {
      return false;
    }
    if (!value.isObject()) {
      problem("must be a mapping, not " + describe(value));
      return false;
    }
    for (Map.Entry<String, JsonNode> property : value.properties()) {
      String key = property.getKey();
      if (!allowed.contains(key)) {
        problems.add(
            new ConfigProblem(
                path.isEmpty() ? key : path + "." + key,
                "unknown key (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")"));
      }
    }
    return true;
  }

  /** The entries of a list, each with its indexed path ({@code sources[2]}). */
  List<YamlNode> items() {
    List<YamlNode> out = new ArrayList<>();
    if (isMissing()) {
      return out;
    }
    if (!value.isArray()) {
      problem("must be a list, not " + describe(value));
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      out.add(new YamlNode(value.get(i), path + "[" + i + "]", problems));
    }
    return out;
  }

  /** The entries of a mapping with free-form keys, each with its path. */
  List<Map.Entry<String, YamlNode>> entries() {
    List<Map.Entry<String, YamlNode>> out = new ArrayList<>();
    if (isMissing()) {
      return out;
    }
    if (!value.isObject()) {
      problem("must be a mapping, not " + describe(value));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      out.add(Map.entry(e.getKey(), new YamlNode(e.getValue(), path + "." + e.getKey(), problems)));
    }
    return out;
  }

  Optional<String> optionalString() {
    if (isMissing()) {
      return Optional.empty();
    }
    if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
      problem("must be a string, not " + describe(value));
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  String string(String defaultValue) {
    return optionalString().orElse(defaultValue);
  }

  String requiredString() {
    if (isMissing()) {
      problem("is required");
      return "";
    }
    String s = string("");
    if (s.isBlank()) {
      problem("must not be empty");
    }
    return s;
  }

  boolean bool(boolean defaultValue) {
    if (isMissing()) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      problem("must be true or false, not " + describe(value));
      return defaultValue;
    }
    return value.booleanValue();
  }

  int integer(int defaultValue, int min, int max) {
    if (isMissing()) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      problem("must be a whole number, not " + describe(value));
      return defaultValue;
    }
    int v = value.intValue();
    if (v < min || v > max) {
      problem("must be between " + min + " and " + max + ", not " + v);
      return defaultValue;
    }
    return v;
  }

  Optional<Double> optionalNumber(double min, double max) {
    if (isMissing()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      problem("must be a number, not " + describe(value));
      return Optional.empty();
    }
    double v = value.doubleValue();
    if (!(v >= min && v <= max)) {
      problem("must be between " + min + " and " + max + ", not " + value.asText());
      return Optional.empty();
    }
    return Optional.of(v);
  }

  double number(double defaultValue, double min, double max) {
    return optionalNumber(min, max).orElse(defaultValue);
  }

  /** A number in (0, max]. */
  double positive(double defaultValue, double max) {
    Optional<Double> v = optionalNumber(-Double.MAX_VALUE, Double.MAX_VALUE);
    if (v.isEmpty()) {
      return defaultValue;
    }
    if (!(v.get() > 0 && v.get() <= max)) {
      problem(
          (max == Double.MAX_VALUE
                  ? "must be greater than 0"
                  : "must be greater than 0 and at most " + max)
              + ", not "
              + value.asText());
      return defaultValue;
    }
    return v.get();
  }

  Duration duration(Duration defaultValue, Duration min) {
    if (isMissing()) {
      return defaultValue;
    }
    if (!value.isTextual()) {
      problem("not a duration: " + value.asText() + " (use Prometheus syntax, e.g. 15s, 5m, 1h)");
      return defaultValue;
    }
    try {
      Duration d = Durations.parse(value.textValue());
      if (d.compareTo(min) < 0) {
        problem("must be at least " + Durations.format(min) + ", not " + value.textValue());
        return defaultValue;
      }
      return d;
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return defaultValue;
    }
  }

  <T> Optional<T> parsed(Function<String, T> parser) {
    Optional<String> text = optionalString();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return Optional.empty();
    }
  }

  static String describe(JsonNode node) {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isTextual()) {
      return "\"" + node.textValue() + "\"";
    }
    return node.asText();
  }
}
