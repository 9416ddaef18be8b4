package io.mlmon.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a Prometheus text exposition by series, each keyed like {@code name{a="1",b="2"}}
 * with labels sorted, so tests can look values up by what they expect.
 */
public final class Exposition {
  private final Map<String, Double> samples = new TreeMap<>();
  private final String text;

  private Exposition(String text) {
    this.text = text;
  }

  public static Exposition parse(String text) {
    Exposition e = new Exposition(text);
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space;
      String name;
      List<String> labels = new ArrayList<>();
      if (brace >= 0) {
        name = line.substring(0, brace);
        int end = labelsEnd(line, brace);
        parseLabels(line.substring(brace + 1, end), labels);
        space = end + 1;
      } else {
        space = line.indexOf(' ');
        name = line.substring(0, space);
      }
      String rest = line.substring(space).trim();
      int sp = rest.indexOf(' ');
      String value = sp < 0 ? rest : rest.substring(0, sp);
      labels.sort(null);
      e.samples.put(key(name, labels), parseValue(value));
    }
    return e;
  }

  private static int labelsEnd(String line, int brace) {
    boolean quoted = false;
    for (int i = brace + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '}' && !quoted) {
        return i;
      }
    }
    throw new IllegalArgumentException("unterminated labels: " + line);
  }

  private static void parseLabels(String body, List<String> out) {
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      String name = body.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (body.charAt(j) != '"') {
        if (body.charAt(j) == '\\') {
          j++;
          char c = body.charAt(j);
          value.append(c == 'n' ? '\n' : c);
        } else {
          value.append(body.charAt(j));
        }
        j++;
      }
      out.add(name + "=\"" + value + "\"");
      i = j + 1;
      if (i < body.length() && body.charAt(i) == ',') {
        i++;
      }
    }
  }

  private static double parseValue(String v) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(v);
    };
  }

  /** The series key of a metric with labels given as alternating names and values. */
  public static String key(String name, String... labelPairs) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.add(labelPairs[i] + "=\"" + labelPairs[i + 1] + "\"");
    }
    labels.sort(null);
    return key(name, labels);
  }

  private static String key(String name, List<String> sortedLabels) {
    return sortedLabels.isEmpty() ? name : name + "{" + String.join(",", sortedLabels) + "}";
  }

  /** The value of a series, or null when the exposition has no such series. */
  public Double get(String name, String... labelPairs) {
    return samples.get(key(name, labelPairs));
  }

  public Map<String, Double> samples() {
    return samples;
  }

  /** Every series of one metric name (exactly that name: {@code x_bucket} is another name). */
  public Map<String, Double> series(String name) {
    Map<String, Double> out = new TreeMap<>();
    samples.forEach(
        (k, v) -> {
          if (k.equals(name) || k.startsWith(name + "{")) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** The distinct values of one label across every series of a metric. */
  public java.util.Set<String> labelValues(String name, String label) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (String k : series(name).keySet()) {
      int at = k.indexOf(label + "=\"");
      if (at >= 0) {
        int start = at + label.length() + 2;
        out.add(k.substring(start, k.indexOf('"', start)));
      }
    }
    return out;
  }

  public String text() {
    return text;
  }
}
