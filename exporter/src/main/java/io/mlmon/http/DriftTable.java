package io.mlmon.http;

import io.mlmon.drift.DriftMethod;
import io.mlmon.drift.FeatureDrift;
import io.mlmon.drift.ModelDrift;
import java.util.List;
import java.util.Map;

/**
 * A model's drift at the last evaluation: the dataset and prediction (score) drift, then one row
 * per feature with its deciding method, the value compared, the threshold, the decision, the window
 * size and a chart of the reference against the current distribution. Features still below {@code
 * min_samples} are listed as collecting.
 */
final class DriftTable {
  private static final String[] HEADINGS = {
    "feature", "type", "method", "score", "threshold", "decision", "window", "reference vs current"
  };

  private DriftTable() {}

  static void render(
      StringBuilder out,
      String model,
      ModelDrift drift,
      long nowMillis,
      int minSamples,
      double datasetShare,
      BinRanges ranges) {
    out.append("<div class=\"drift-summary\">");
    boolean dataset = drift.datasetDriftDetected();
    out.append("<span class=\"badge ")
        .append(dataset ? "drift" : "ok")
        .append("\">")
        .append(dataset ? "dataset drift" : "no dataset drift")
        .append("</span> <span>")
        .append(drift.driftedFeatures())
        .append(" of ")
        .append(drift.features().size())
        .append(" features drifted (")
        .append(Fmt.percent(drift.datasetDriftShare()))
        .append("; dataset drift from ")
        .append(Fmt.percent(datasetShare))
        .append(")</span>");
    drift
        .predictionDrift()
        .ifPresent(
            p ->
                out.append(" <span class=\"badge ")
                    .append(p.driftDetected() ? "drift" : "ok")
                    .append("\">")
                    .append(p.driftDetected() ? "prediction drift" : "no prediction drift")
                    .append("</span>"));
    out.append("</div><p class=\"meta\">evaluated ")
        .append(Fmt.duration(nowMillis - drift.computedAtMillis()))
        .append(" ago (")
        .append(Fmt.time(drift.computedAtMillis()))
        .append(") over a window of ")
        .append(Fmt.count(drift.windowSamples()))
        .append(" predictions · ")
        .append(BinChart.legend())
        .append("</p>");
    out.append("<div class=\"table-wrap\"><table class=\"drift cards\"><thead><tr>");
    for (String h : HEADINGS) {
      boolean numeric = h.equals("score") || h.equals("threshold") || h.equals("window");
      out.append(numeric ? "<th class=\"num\">" : "<th>").append(h).append("</th>");
    }
    out.append("</tr></thead>");
    if (drift.predictionDrift().isPresent()) {
      out.append("<tbody class=\"prediction\">");
      row(out, drift.predictionDrift().get(), "prediction", ranges.score(model));
      out.append("</tbody>");
    }
    out.append("<tbody>");
    for (FeatureDrift f : drift.features()) {
      row(out, f, null, ranges.feature(model, f.name()));
    }
    for (Map.Entry<String, Long> e : drift.insufficient().entrySet()) {
      collecting(out, e.getKey(), e.getValue(), minSamples);
    }
    out.append("</tbody></table></div>");
  }

  private static void row(StringBuilder out, FeatureDrift f, String tag, List<String> ranges) {
    boolean drifted = f.driftDetected();
    DriftMethod method = f.decidedBy();
    boolean byP = method.decidesByPValue();
    out.append("<tr class=\"")
        .append(drifted ? "is-drift" : "is-ok")
        .append("\"><td class=\"name\" data-label=\"feature\">")
        .append(Html.escape(f.name()));
    if (tag != null) {
      out.append(" <small>").append(tag).append("</small>");
    }
    out.append("</td>");
    cell(out, "type", "", f.type().label());
    cell(out, "method", "", method.label());
    out.append("<td class=\"num\" data-label=\"score\" title=\"")
        .append(Html.escape(allScores(f)))
        .append("\">")
        .append(byP ? "p = " : "")
        .append(Fmt.stat(f.decisionValue()))
        .append("</td>");
    cell(out, "threshold", "num", (byP ? "p &lt; " : "≥ ") + Fmt.stat(f.threshold()));
    out.append("<td data-label=\"decision\"><span class=\"badge ")
        .append(drifted ? "drift\">drift" : "ok\">ok")
        .append("</span></td>");
    out.append("<td class=\"num\" data-label=\"window\" title=\"")
        .append(Fmt.count(f.referenceCount()))
        .append(" reference values\">")
        .append(Fmt.count(f.samples()))
        .append("</td><td class=\"chart-cell\" data-label=\"reference vs current\">")
        .append(BinChart.svg(f.name(), f.bins(), ranges))
        .append("</td></tr>");
  }

  private static void collecting(StringBuilder out, String name, long samples, int minSamples) {
    out.append("<tr class=\"is-collecting\"><td class=\"name\" data-label=\"feature\">")
        .append(Html.escape(name))
        .append("</td>");
    cell(out, "type", "", Fmt.NONE);
    cell(out, "method", "", Fmt.NONE);
    cell(out, "score", "num", Fmt.NONE);
    cell(out, "threshold", "num", Fmt.NONE);
    out.append("<td data-label=\"decision\"><span class=\"badge collecting\">collecting (")
        .append(Fmt.count(samples))
        .append(" of ")
        .append(Fmt.count(minSamples))
        .append(")</span></td>");
    cell(out, "window", "num", Fmt.count(samples));
    out.append("<td class=\"chart-cell empty\" data-label=\"reference vs current\"></td></tr>");
  }

  /** Every method's score (and p-value), for the score cell's hover text. */
  private static String allScores(FeatureDrift f) {
    StringBuilder s = new StringBuilder();
    f.scores()
        .forEach(
            (method, v) -> {
              if (s.length() > 0) {
                s.append(" · ");
              }
              s.append(method.label()).append(' ').append(Fmt.stat(v));
              Double p = f.pValues().get(method);
              if (p != null) {
                s.append(" (p ").append(Fmt.stat(p)).append(')');
              }
            });
    return s.toString();
  }

  private static void cell(StringBuilder out, String label, String cls, String text) {
    out.append("<td");
    if (!cls.isEmpty()) {
      out.append(" class=\"").append(cls).append('"');
    }
    out.append(" data-label=\"").append(label).append("\">").append(text).append("</td>");
  }
}
