package io.mlmon.ingest;

/** Event times: RFC 3339 text or epoch seconds, to epoch milliseconds. */
public final class Timestamps {
  /** Earliest and latest accepted times (years 1970 and 9999), to keep arithmetic safe. */
  private static final long MIN_MILLIS = 0L;

  private static final long MAX_MILLIS = 253_402_300_799_999L;

  /** The bytes {@link #minuteSeconds} reads. */
  static final int MINUTE_BYTES = 16;

  private Timestamps() {}

  /**
   * Parses RFC 3339 ({@code 2026-11-26T07:42:56.123Z}, {@code …+01:00}); returns {@link
   * Long#MIN_VALUE} when the text is not such a time.
   */
  public static long parseRfc3339(CharSequence s) {
    // Every character of a valid time is ASCII, so anything else is simply not one.
    byte[] ascii = new byte[s.length()];
    for (int i = 0; i < ascii.length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return Long.MIN_VALUE;
      }
      ascii[i] = (byte) c;
    }
    return parseRfc3339(ascii, 0, ascii.length);
  }

  /** {@link #parseRfc3339(CharSequence)} of UTF-8 text, read in place. */
  public static long parseRfc3339(byte[] b, int off, int n) {
    long minute = minuteSeconds(b, off, n);
    return minute == Long.MIN_VALUE ? Long.MIN_VALUE : withinMinute(b, off, n, minute);
  }

  /**
   * Reads the date, hour and minute of an RFC 3339 time, its first {@value #MINUTE_BYTES} bytes
   * ({@code 2026-11-26T07:42}): the seconds from the epoch to that minute as written (before its
   * offset), or {@link Long#MIN_VALUE} when they are not a valid date and time of day, or the text
   * is too short to be a time. The result depends on those bytes only (given {@code n} &ge; 20), so
   * a caller may keep it for the next time that starts with the same bytes: see {@link
   * TimestampReader}.
   */
  static long minuteSeconds(byte[] b, int off, int n) {
    if (n < 20
        || b[off + 4] != '-'
        || b[off + 7] != '-'
        || !isDateTimeSeparator(b[off + 10])
        || b[off + 13] != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    int hour = digits(b, off + 11, 2);
    int minute = digits(b, off + 14, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return Long.MIN_VALUE;
    }
    return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L;
  }

  /**
   * The rest of a time whose first {@value #MINUTE_BYTES} bytes gave {@code minuteSeconds}: its
   * seconds, fraction and offset, in epoch milliseconds, or {@link Long#MIN_VALUE}.
   */
  static long withinMinute(byte[] b, int off, int n, long minuteSeconds) {
    if (b[off + 16] != ':') {
      return Long.MIN_VALUE;
    }
    int second = digits(b, off + 17, 2);
    if (second < 0 || second > 60) {
      return Long.MIN_VALUE;
    }
    int i = 19;
    long millis = 0;
    if (i < n && b[off + i] == '.') {
      i++;
      int start = i;
      for (int d; i < n && (char) (d = b[off + i] - '0') <= 9; i++) {
        // Milliseconds: the first three digits count, the rest are read and dropped.
        int place = i - start;
        millis += place == 0 ? d * 100 : place == 1 ? d * 10 : place == 2 ? d : 0;
      }
      if (i == start) {
        return Long.MIN_VALUE;
      }
    }
    if (i >= n) {
      return Long.MIN_VALUE;
    }
    int offsetMinutes;
    byte z = b[off + i];
    if ((z == 'Z' || z == 'z') && i == n - 1) {
      offsetMinutes = 0;
    } else if ((z == '+' || z == '-') && i + 6 == n && b[off + i + 3] == ':') {
      int oh = digits(b, off + i + 1, 2);
      int om = digits(b, off + i + 4, 2);
      if (oh < 0 || oh > 23 || om < 0 || om > 59) {
        return Long.MIN_VALUE;
      }
      offsetMinutes = (oh * 60 + om) * (z == '-' ? -1 : 1);
    } else {
      return Long.MIN_VALUE;
    }
    long secs = minuteSeconds + Math.min(second, 59) - offsetMinutes * 60L;
    long result = secs * 1000 + millis;
    return result < MIN_MILLIS || result > MAX_MILLIS ? Long.MIN_VALUE : result;
  }

  /** Epoch seconds (fractional allowed) to milliseconds, or {@link Long#MIN_VALUE} if absurd. */
  public static long fromEpochSeconds(double seconds) {
    if (!Double.isFinite(seconds)) {
      return Long.MIN_VALUE;
    }
    double millis = Math.rint(seconds * 1000.0);
    if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
      return Long.MIN_VALUE;
    }
    return (long) millis;
  }

  private static boolean isDateTimeSeparator(byte c) {
    return c == 'T' || c == 't' || c == ' ';
  }

  private static int digits(byte[] b, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      byte c = b[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
  private static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468;
  }
}
