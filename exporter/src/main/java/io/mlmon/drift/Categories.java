package io.mlmon.drift;

/**
 * The text of a category, the same wherever a value comes from: the reference reader (CSV cells,
 * JSON values) and the monitor (JSON values in log events) must both go through these methods, so
 * that a value seen in training falls into the same bin in production.
 *
 * <ul>
 *   <li>A JSON string is its own text, unchanged ({@code "02134"} stays {@code "02134"}).
 *   <li>A number is {@link #canonical(double)}: {@code 3}, {@code 3.0} and {@code 3e0} are all
 *       {@code "3"}.
 *   <li>A boolean is {@code "true"} or {@code "false"}.
 *   <li>A CSV cell has no type, so {@link #ofCsvCell(String)} reads numbers and booleans in it as a
 *       JSON number or boolean would be read.
 * </ul>
 */
public final class Categories {
  /** The bin for every value outside the kept reference categories; always the last bin. */
  public static final String OTHER = "__other__";

  private static final double EXACT_INTEGERS = 0x1p53;

  private Categories() {}

  /**
   * The category text of a finite number: an integral value (below 2^53 in magnitude) as an integer
   * without a fraction ({@code "3"}, {@code "-0"} is {@code "0"}), anything else as {@link
   * Double#toString(double)} ({@code "0.25"}, {@code "1.0E20"}).
   */
  public static String canonical(double value) {
    if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGERS) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** The category text of a boolean: {@code "true"} or {@code "false"}. */
  public static String canonical(boolean value) {
    return value ? "true" : "false";
  }

  /**
   * The category text of a CSV cell: a number (see {@link CsvValue}) as {@link #canonical(double)},
   * {@code true}/{@code false} in any case as {@link #canonical(boolean)}, any other text
   * unchanged. Null for a missing cell (blank, or NaN).
   */
  public static String ofCsvCell(String cell) {
    CsvValue v = CsvValue.parse(cell);
    return switch (v.kind()) {
      case MISSING -> null;
      case NUMBER -> Double.isFinite(v.number()) ? canonical(v.number()) : null;
      case BOOLEAN -> canonical(v.number() != 0);
      case TEXT -> cell;
    };
  }
}
