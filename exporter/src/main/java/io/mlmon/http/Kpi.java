package io.mlmon.http;

/** A headline number on the landing page: a label, the value and a line of detail. */
final class Kpi {
  private Kpi() {}

  /** {@code label} is a constant, {@code value} and {@code detail} are already escaped markup. */
  static void render(StringBuilder out, String label, String value, String detail) {
    out.append("<div class=\"kpi\" data-kpi=\"")
        .append(label)
        .append("\"><div class=\"kpi-label\">")
        .append(label)
        .append("</div><div class=\"kpi-value\">")
        .append(value)
        .append("</div><div class=\"kpi-detail\">")
        .append(detail)
        .append("</div></div>");
  }
}
