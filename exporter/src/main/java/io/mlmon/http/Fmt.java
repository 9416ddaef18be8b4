package io.mlmon.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, size and time formatting for the landing page: short, aligned, never locale-bound. */
final class Fmt {
  static final String NONE = "–";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** A count with thousands separators: {@code 12,862}. */
  static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** An expected (fractional) count, rounded: {@code 443.99} → {@code 444}. */
  static String count(double n) {
    return Double.isFinite(n) ? count(Math.round(n)) : NONE;
  }

  /** {@code part / whole} as a percentage with two decimals, or a dash when whole is zero. */
  static String percent(double part, double whole) {
    return whole > 0 ? percent(part / whole) : NONE;
  }

  /** A ratio 0–1 as a percentage: {@code 0.0166} → {@code 1.66 %}. */
  static String percent(double ratio) {
    if (!Double.isFinite(ratio)) {
      return NONE;
    }
    double p = Math.abs(ratio * 100);
    String format = p == 0 || p >= 10 ? "%.1f %%" : p >= 0.1 ? "%.2f %%" : "%.3f %%";
    return String.format(Locale.ROOT, format, ratio * 100);
  }

  /** Seconds as milliseconds with one decimal: {@code 0.02547} → {@code 25.5 ms}. */
  static String millis(double seconds) {
    return Double.isFinite(seconds) ? String.format(Locale.ROOT, "%.1f ms", seconds * 1000) : NONE;
  }

  /** {@code part / whole} with three decimals, or a dash when whole is zero: precision, recall. */
  static String ratio(double part, double whole) {
    return whole > 0 ? String.format(Locale.ROOT, "%.3f", part / whole) : NONE;
  }

  /**
   * A drift statistic or threshold: three significant decimals, scientific notation for very small
   * or large values ({@code 7.50e-146}) so p-values stay readable.
   */
  static String stat(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    if (a < 0.001 || a >= 100_000) {
      return String.format(Locale.ROOT, "%.2e", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A bin edge: up to four significant digits, no trailing zeros. */
  static String edge(double v) {
    if (!Double.isFinite(v)) {
      return NONE;
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /** Bytes in binary units: {@code 0 B}, {@code 12.3 KiB}, {@code 4.0 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /**
   * A duration in its two largest units: {@code 42s}, {@code 3m 12s}, {@code 2h 5m}, {@code 3d 4h}.
   */
  static String duration(long millis) {
    long s = Math.max(0, millis / 1000);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m " + (s % 60) + "s";
    }
    if (s < 86_400) {
      return (s / 3600) + "h " + (s % 3600 / 60) + "m";
    }
    return (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
  }

  /** A moment as {@code 2026-11-26 09:42:36 UTC}. */
  static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }
}
