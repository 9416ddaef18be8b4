package io.mlmon.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus duration syntax: {@code 1y2w3d4h5m6s7ms}, units in descending order, each once. */
public final class Durations {
  private static final Pattern SYNTAX =
      Pattern.compile(
          "^(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?$");
  private static final long[] UNIT_MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1
  };

  private Durations() {}

  /** Parses a Prometheus duration; throws {@link IllegalArgumentException} naming the problem. */
  public static Duration parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (text.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(
          "not a duration: \"" + text + "\" (use Prometheus syntax, e.g. 15s, 5m, 1h, 30d)");
    }
    long millis = 0;
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      String group = m.group(i + 1);
      if (group != null) {
        try {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(group), UNIT_MILLIS[i]));
        } catch (ArithmeticException | NumberFormatException e) {
          throw new IllegalArgumentException("duration too long: \"" + text + "\"");
        }
      }
    }
    return Duration.ofMillis(millis);
  }

  /** Formats a duration the way Prometheus would print it, e.g. {@code 1h30m}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    String[] units = {"y", "w", "d", "h", "m", "s", "ms"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < UNIT_MILLIS.length; i++) {
      long count = millis / UNIT_MILLIS[i];
      if (count > 0) {
        out.append(count).append(units[i]);
        millis -= count * UNIT_MILLIS[i];
      }
    }
    return out.toString();
  }
}
