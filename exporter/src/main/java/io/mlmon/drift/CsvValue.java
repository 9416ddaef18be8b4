package io.mlmon.drift;

/**
 * What a CSV cell holds. CSV has no types, so a cell is a number when its text (less surrounding
 * spaces and tabs) is a decimal number: {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?},
 * or {@code inf}/{@code infinity} with an optional sign in any case (a non-finite number: not part
 * of the reference, but it does not make the column categorical). Blank cells and {@code nan} in
 * any case are missing. {@code true}/{@code false} in any case are booleans. Anything else,
 * including {@code 0x10}, {@code 1,000} or {@code 1d}, is text.
 *
 * @param number the value of a NUMBER, or 1/0 for a BOOLEAN, else NaN
 */
public record CsvValue(Kind kind, double number) {
  /** The kinds of cell. */
  public enum Kind {
    MISSING,
    NUMBER,
    BOOLEAN,
    TEXT
  }

  private static final CsvValue MISSING = new CsvValue(Kind.MISSING, Double.NaN);
  private static final CsvValue TEXT = new CsvValue(Kind.TEXT, Double.NaN);
  private static final CsvValue TRUE = new CsvValue(Kind.BOOLEAN, 1);
  private static final CsvValue FALSE = new CsvValue(Kind.BOOLEAN, 0);

  /** Classifies a cell; null is missing. */
  public static CsvValue parse(String cell) {
    if (cell == null) {
      return MISSING;
    }
    int start = 0;
    int end = cell.length();
    while (start < end && isBlank(cell.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(cell.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return MISSING;
    }
    String t = cell.substring(start, end);
    if (isDecimal(t)) {
      return new CsvValue(Kind.NUMBER, decimalValue(t));
    }
    String unsigned = t.charAt(0) == '+' || t.charAt(0) == '-' ? t.substring(1) : t;
    if (unsigned.equalsIgnoreCase("nan")) {
      return MISSING;
    }
    if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
      return new CsvValue(
          Kind.NUMBER, t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (t.equalsIgnoreCase("true")) {
      return TRUE;
    }
    if (t.equalsIgnoreCase("false")) {
      return FALSE;
    }
    return TEXT;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /**
   * The value of a text that {@link #isDecimal is decimal}, as {@link Double#parseDouble} gives it.
   */
  static double decimalValue(String t) {
    double v = plainDecimal(t.toCharArray(), 0, t.length());
    return Double.isNaN(v) ? Double.parseDouble(t) : v;
  }

  /**
   * The value of the cell {@code chars[start, end)} when it is a plain decimal, {@code
   * [+-]?(digits[.digits?]|.digits)} with at most 15 digits, no exponent and no blanks around it:
   * the number {@link #parse} reads from the same text. NaN for any other cell, which {@link
   * #parse} must then read as a string.
   *
   * <p>Why: a reference holds hundreds of thousands of short numbers ({@code 0.0412}, {@code
   * 129.5}), read once at start-up in code not yet compiled, where a string per cell and
   * parseDouble's general algorithm are slow. These are one exact division (Clinger's fast path:
   * both operands are exact doubles, so the rounding of that one operation is the correct one).
   */
  public static double plainDecimal(char[] chars, int start, int end) {
    int i = start;
    boolean negative = i < end && chars[i] == '-';
    if (negative || (i < end && chars[i] == '+')) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < end; i++) {
      int digit = chars[i] - '0';
      if (digit >= 0 && digit <= 9) {
        mantissa = mantissa * 10 + digit;
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (chars[i] == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || digits > 15) {
      return Double.NaN;
    }
    double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
    return negative ? -v : v;
  }

  /** The decimal grammar of the class comment (Double.parseDouble alone also takes hex and 1d). */
  static boolean isDecimal(String t) {
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
