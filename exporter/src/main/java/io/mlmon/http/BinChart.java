package io.mlmon.http;

import io.mlmon.drift.BinShare;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG bar chart of a feature's distribution over its bins: per bin a grey bar for
 * the reference share and a blue one for the current window's, both scaled so that the largest
 * share of either fills the height. Hovering a bin shows its name (or range) and both shares
 * through the SVG {@code <title>}. Pure: the same bins give the same markup.
 */
final class BinChart {
  static final double WIDTH = 180;
  static final double HEIGHT = 52;

  /** Headroom above the tallest bar, so it does not touch the frame. */
  static final double TOP = 2;

  static final String REFERENCE_COLOUR = "#aab4c0";
  static final String CURRENT_COLOUR = "#2f6fde";

  private BinChart() {}

  /**
   * The chart of {@code bins}. {@code ranges}, when it has one entry per bin, names what each bin
   * covers in the hover text; otherwise the bin labels alone are used.
   */
  static String svg(String feature, List<BinShare> bins, List<String> ranges) {
    StringBuilder out = new StringBuilder(256 + bins.size() * 420);
    out.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(num(WIDTH))
        .append("\" height=\"")
        .append(num(HEIGHT))
        .append("\" viewBox=\"0 0 ")
        .append(num(WIDTH))
        .append(' ')
        .append(num(HEIGHT))
        .append("\" aria-label=\"")
        .append(Html.escape(feature))
        .append(": reference and current share of each of ")
        .append(bins.size())
        .append(" bins\" preserveAspectRatio=\"none\">");
    double max = 0;
    for (BinShare b : bins) {
      max = Math.max(max, Math.max(finite(b.reference()), finite(b.current())));
    }
    double scale = max > 0 ? (HEIGHT - TOP) / max : 0;
    double slot = bins.isEmpty() ? WIDTH : WIDTH / bins.size();
    double bar = slot * 0.4;
    boolean named = ranges.size() == bins.size();
    for (int i = 0; i < bins.size(); i++) {
      BinShare b = bins.get(i);
      double x = i * slot;
      out.append("<g><title>")
          .append(Html.escape(hover(b, named ? ranges.get(i) : null)))
          .append("</title>");
      // A transparent column so the whole bin, not only its bars, answers the pointer.
      rect(out, "hit", x, 0, slot, HEIGHT, "transparent");
      bar(out, "ref", x + slot * 0.1, bar, finite(b.reference()) * scale, REFERENCE_COLOUR);
      bar(out, "cur", x + slot * 0.5, bar, finite(b.current()) * scale, CURRENT_COLOUR);
      out.append("</g>");
    }
    out.append("<line x1=\"0\" y1=\"")
        .append(num(HEIGHT - 0.5))
        .append("\" x2=\"")
        .append(num(WIDTH))
        .append("\" y2=\"")
        .append(num(HEIGHT - 0.5))
        .append(
            "\" stroke=\"#8a96a3\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/></svg>");
    return out.toString();
  }

  /** The legend matching the charts' colours. */
  static String legend() {
    return "<span class=\"legend\"><i style=\"background:"
        + REFERENCE_COLOUR
        + "\"></i>reference <i style=\"background:"
        + CURRENT_COLOUR
        + "\"></i>current window</span>";
  }

  private static String hover(BinShare b, String range) {
    String name = range == null ? b.label() : "bin " + b.label() + " (" + range + ")";
    return name
        + ": reference "
        + Fmt.percent(b.reference())
        + ", current "
        + Fmt.percent(b.current());
  }

  private static void bar(
      StringBuilder out, String cls, double x, double width, double height, String fill) {
    rect(out, cls, x, HEIGHT - height, width, height, fill);
  }

  private static void rect(
      StringBuilder out, String cls, double x, double y, double w, double h, String fill) {
    out.append("<rect class=\"")
        .append(cls)
        .append("\" x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(w))
        .append("\" height=\"")
        .append(num(h))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>");
  }

  private static double finite(double v) {
    return Double.isFinite(v) && v > 0 ? v : 0;
  }

  /** Coordinates with at most three decimals and no trailing zeros: short markup. */
  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
