package io.mlmon.bundle;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to list the series an expression selects: metric names and
 * recording-rule names, without functions, keywords, label names, strings and durations.
 */
final class PromQl {
  private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  // Possessive, so that "rate(" is not read as the name "rat".
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan",
          "Inf",
          "NaN");

  private PromQl() {}

  /** The metric and recording-rule names {@code expr} selects. */
  static Set<String> selectedNames(String expr) {
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGES.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Set<String> out = new TreeSet<>();
    Matcher m = NAME.matcher(s);
    while (m.find()) {
      String name = m.group(1);
      if (!KEYWORDS.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** The range durations of every rate(…) and increase(…) call of {@code expr}. */
  static Set<String> rateWindows(String expr) {
    Set<String> out = new TreeSet<>();
    Matcher m =
        Pattern.compile("\\b(?:rate|irate|increase)\\s*\\(([^\\[]*)\\[([^]]+)]").matcher(expr);
    while (m.find()) {
      out.add(m.group(2).strip());
    }
    return out;
  }
}
