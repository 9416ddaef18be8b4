package io.mlmon.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The double value of a checked JSON number, correctly rounded like {@link Double#parseDouble}. Log
 * numbers are short ({@code 129.5}, {@code 0.0412}): those with at most 15 significant digits and a
 * small decimal exponent are computed exactly with one multiplication or division (Clinger's fast
 * path: both operands are exact doubles, so IEEE rounding of the one operation is the correct
 * rounding); everything else goes to {@link Double#parseDouble}.
 */
final class FastDoubles {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private FastDoubles() {}

  /**
   * @param mantissa the number's digits as an integer (meaningful when {@code digits} &le; 18)
   * @param digits how many digits the integer and fraction parts have together
   * @param exponent the power of ten to apply to the mantissa
   * @param integer no fraction and no exponent: its value is that of the integer, so {@code -0} is
   *     0.0 (as an integer token read as a double always was), while {@code -0.0} is -0.0
   */
  static double value(
      byte[] b,
      int start,
      int end,
      boolean negative,
      long mantissa,
      int digits,
      int exponent,
      boolean integer) {
    if (digits <= 18) {
      if (integer) {
        return negative ? (double) -mantissa : (double) mantissa;
      }
      if (mantissa < (1L << 53) && exponent >= -22 && exponent <= 22) {
        double m = mantissa;
        double v = exponent < 0 ? m / POWERS_OF_TEN[-exponent] : m * POWERS_OF_TEN[exponent];
        return negative ? -v : v;
      }
      if (mantissa == 0) {
        return negative ? -0.0 : 0.0;
      }
    }
    return Double.parseDouble(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
  }
}
