package io.mlmon.http;

import io.mlmon.config.DriftConfig;
import io.mlmon.drift.ModelDrift;
import io.mlmon.monitor.ModelSnapshot;
import io.mlmon.monitor.VersionSnapshot;
import io.mlmon.quality.ExpiryReason;
import io.mlmon.quality.Outcome;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One model on the landing page: its traffic, flag rate against the reference, errors, outcomes and
 * precision/recall so far (labelled, and as expected from the scores), pending labels, its versions
 * and its drift table.
 */
final class ModelSection {
  private ModelSection() {}

  static void render(
      StringBuilder out,
      ModelSnapshot m,
      Optional<ModelDrift> drift,
      long nowMillis,
      DriftConfig config,
      BinRanges ranges) {
    String name = Html.escape(m.name());
    out.append("<section class=\"card model\" id=\"model-")
        .append(name)
        .append("\"><div class=\"section-head\"><h2>")
        .append(name)
        .append("</h2><span class=\"meta\">");
    out.append(m.versions().size() == 1 ? "version " : "versions ")
        .append(
            m.versions().stream()
                .map(v -> Html.escape(v.version()))
                .collect(Collectors.joining(", ")));
    m.lastEventSeconds()
        .ifPresent(
            s ->
                out.append(" · last event ")
                    .append(Fmt.duration(nowMillis - (long) (s * 1000)))
                    .append(" ago"));
    out.append("</span></div>");
    Totals t = Totals.of(m.versions());
    kpis(out, m, t);
    outcomes(out, t);
    versions(out, m.versions());
    out.append("<h3>Drift</h3>");
    if (drift.isPresent()) {
      DriftTable.render(
          out,
          m.name(),
          drift.get(),
          nowMillis,
          config.minSamples(),
          config.datasetShare(),
          ranges);
    } else if (m.features().isEmpty()) {
      out.append("<p class=\"meta\">No reference profile for this model: drift is not computed.")
          .append(" Give it one with <code>models[].reference</code>.</p>");
    } else {
      out.append("<p class=\"meta\">Not evaluated yet: drift is computed every ")
          .append(Fmt.duration(config.interval().toMillis()))
          .append(" once predictions arrive.</p>");
    }
    out.append("</section>");
  }

  private static void kpis(StringBuilder out, ModelSnapshot m, Totals t) {
    out.append("<div class=\"kpis\">");
    Kpi.render(out, "predictions", Fmt.count(t.predictions), "read from the log");
    String reference = "no reference ratio";
    if (m.referenceFlagRatio().isPresent()) {
      double ratio = m.referenceFlagRatio().getAsDouble();
      reference = "reference " + Fmt.percent(ratio);
      if (ratio > 0 && t.predictions > 0) {
        reference +=
            String.format(Locale.ROOT, " (×%.1f)", (double) t.flagged / t.predictions / ratio);
      }
    }
    Kpi.render(out, "flag rate", Fmt.percent(t.flagged, t.predictions), reference);
    Kpi.render(
        out, "errors", Fmt.count(t.errors), Fmt.percent(t.errors, t.predictions) + topErrors(m));
    Kpi.render(
        out,
        "precision",
        Fmt.ratio(t.outcome(Outcome.TP), t.outcome(Outcome.TP) + t.outcome(Outcome.FP)),
        "of " + Fmt.count(t.outcome(Outcome.TP) + t.outcome(Outcome.FP)) + " labelled flags");
    Kpi.render(
        out,
        "recall",
        Fmt.ratio(t.outcome(Outcome.TP), t.outcome(Outcome.TP) + t.outcome(Outcome.FN)),
        "of " + Fmt.count(t.outcome(Outcome.TP) + t.outcome(Outcome.FN)) + " labelled positives");
    long expired = m.expired(ExpiryReason.TTL) + m.expired(ExpiryReason.CAPACITY);
    Kpi.render(
        out,
        "pending labels",
        Fmt.count(m.pendingLabels()),
        Fmt.count(t.labelled()) + " labelled · " + Fmt.count(expired) + " expired");
    out.append("</div>");
  }

  /** The most frequent error types, escaped: they come from the log. */
  private static String topErrors(ModelSnapshot m) {
    Map<String, Long> errors = new TreeMap<>();
    for (VersionSnapshot v : m.versions()) {
      v.errors().forEach((type, n) -> errors.merge(type, n, Long::sum));
    }
    if (errors.isEmpty()) {
      return "";
    }
    return " · "
        + errors.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .limit(3)
            .map(e -> Html.escape(e.getKey()) + " " + Fmt.count(e.getValue()))
            .collect(Collectors.joining(", "));
  }

  private static void outcomes(StringBuilder out, Totals t) {
    out.append("<h3>Outcomes so far</h3><div class=\"table-wrap\"><table class=\"outcomes cards\">")
        .append("<thead><tr><th></th><th class=\"num\">TP</th><th class=\"num\">FP</th>")
        .append("<th class=\"num\">TN</th><th class=\"num\">FN</th>")
        .append("<th class=\"num\">precision</th><th class=\"num\">recall</th></tr></thead>")
        .append("<tbody>");
    out.append("<tr class=\"actual\"><th>labelled</th>");
    for (Outcome o : Outcome.values()) {
      numCell(out, o.name(), Fmt.count(t.outcome(o)));
    }
    numCell(
        out,
        "precision",
        Fmt.ratio(t.outcome(Outcome.TP), t.outcome(Outcome.TP) + t.outcome(Outcome.FP)));
    numCell(
        out,
        "recall",
        Fmt.ratio(t.outcome(Outcome.TP), t.outcome(Outcome.TP) + t.outcome(Outcome.FN)));
    out.append("</tr><tr class=\"expected\"><th title=\"sum over all predictions of the")
        .append(" calibrated-score probability of each cell\">expected from scores</th>");
    for (Outcome o : Outcome.values()) {
      numCell(out, o.name(), Fmt.count(t.expected(o)));
    }
    double etp = t.expected(Outcome.TP);
    numCell(out, "precision", Fmt.ratio(etp, etp + t.expected(Outcome.FP)));
    numCell(out, "recall", Fmt.ratio(etp, etp + t.expected(Outcome.FN)));
    out.append("</tr></tbody></table></div>");
  }

  private static void versions(StringBuilder out, List<VersionSnapshot> versions) {
    out.append("<h3>Versions</h3><div class=\"table-wrap\"><table class=\"versions cards\">")
        .append("<thead><tr><th>version</th>");
    for (String h :
        List.of(
            "predictions",
            "flag rate",
            "errors",
            "labelled",
            "precision",
            "recall",
            "mean latency")) {
      out.append("<th class=\"num\">").append(h).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    for (VersionSnapshot v : versions) {
      long tp = v.outcome(Outcome.TP);
      long labelled = 0;
      for (Outcome o : Outcome.values()) {
        labelled += v.outcome(o);
      }
      long latencyCount = v.latencySeconds().count();
      out.append("<tr><th>").append(Html.escape(v.version())).append("</th>");
      numCell(out, "predictions", Fmt.count(v.predictions()));
      numCell(out, "flag rate", Fmt.percent(v.flagged(), v.predictions()));
      numCell(out, "errors", Fmt.count(v.errorsTotal()));
      numCell(out, "labelled", Fmt.count(labelled));
      numCell(out, "precision", Fmt.ratio(tp, tp + v.outcome(Outcome.FP)));
      numCell(out, "recall", Fmt.ratio(tp, tp + v.outcome(Outcome.FN)));
      numCell(
          out,
          "mean latency",
          latencyCount > 0 ? Fmt.millis(v.latencySeconds().sum() / latencyCount) : Fmt.NONE);
      out.append("</tr>");
    }
    out.append("</tbody></table></div>");
  }

  private static void numCell(StringBuilder out, String label, String text) {
    out.append("<td class=\"num\" data-label=\"")
        .append(label)
        .append("\">")
        .append(text)
        .append("</td>");
  }

  /** A model's counters summed over its versions. */
  private record Totals(
      long predictions,
      long flagged,
      long errors,
      Map<Outcome, Long> outcomes,
      Map<Outcome, Double> expected) {
    static Totals of(List<VersionSnapshot> versions) {
      long predictions = 0;
      long flagged = 0;
      long errors = 0;
      Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
      Map<Outcome, Double> expected = new EnumMap<>(Outcome.class);
      for (VersionSnapshot v : versions) {
        predictions += v.predictions();
        flagged += v.flagged();
        errors += v.errorsTotal();
        for (Outcome o : Outcome.values()) {
          outcomes.merge(o, v.outcome(o), Long::sum);
          expected.merge(o, v.expected(o), Double::sum);
        }
      }
      return new Totals(predictions, flagged, errors, outcomes, expected);
    }

    long outcome(Outcome o) {
      return outcomes.getOrDefault(o, 0L);
    }

    double expected(Outcome o) {
      return expected.getOrDefault(o, 0.0);
    }

    long labelled() {
      long n = 0;
      for (long c : outcomes.values()) {
        n += c;
      }
      return n;
    }
  }
}
