package io.mlmon.http;

import io.mlmon.drift.ModelDrift;
import io.mlmon.monitor.ModelSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The landing page as HTML: a pure function of a {@link LandingView}. A header with the version,
 * uptime and links; one section per model; the sources; the host. Every name that comes from the
 * log or the config is escaped.
 */
final class LandingRenderer {
  static final String DOCS = "https://github.com/mlmon/mlmon/blob/main/docs/";

  private LandingRenderer() {}

  static String render(LandingView v) {
    List<ModelSnapshot> models = v.ingest().monitor().models();
    StringBuilder out = new StringBuilder(16_384 + models.size() * 24_576);
    out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<noscript><meta http-equiv=\"refresh\" content=\"")
        .append(LandingStyle.REFRESH_SECONDS)
        .append("\"></noscript><title>")
        .append(title(v))
        .append("</title><style>")
        .append(LandingStyle.CSS)
        .append("</style><script>")
        .append(LandingStyle.SCRIPT)
        .append("</script></head><body>");
    header(out, v);
    out.append("<main>");
    if (models.isEmpty()) {
      out.append("<section class=\"card empty-state\"><h2>No predictions yet</h2><p>A model")
          .append(" appears here once its first prediction is read from a source.</p></section>");
    }
    if (models.size() > 1) {
      overview(out, v, models);
    }
    for (ModelSnapshot m : models) {
      ModelSection.render(
          out, m, v.drift().model(m.name()), v.nowMillis(), v.driftConfig(), v.binRanges());
    }
    InfraSection.sources(out, v.ingest().sources());
    InfraSection.host(out, v.host(), v.probes());
    out.append("</main><footer>mlmon ")
        .append(Html.escape(v.version()))
        .append(" · documentation: <a href=\"")
        .append(DOCS)
        .append("\">docs</a>, <a href=\"")
        .append(DOCS)
        .append("metrics.md\">metrics</a>, <a href=\"")
        .append(DOCS)
        .append("configuration.md\">configuration</a>, <a href=\"")
        .append(DOCS)
        .append("runbooks.md\">runbooks</a></footer></body></html>");
    return out.toString();
  }

  private static String title(LandingView v) {
    String drifting =
        v.drift().models().entrySet().stream()
            .filter(e -> e.getValue().datasetDriftDetected())
            .map(e -> Html.escape(e.getKey()))
            .sorted()
            .collect(Collectors.joining(", "));
    return drifting.isEmpty() ? "mlmon" : "mlmon · drift: " + drifting;
  }

  private static void header(StringBuilder out, LandingView v) {
    out.append("<header><h1>mlmon<span>")
        .append(Html.escape(v.version()))
        .append("</span></h1><span class=\"status\">up ")
        .append(Fmt.duration(v.nowMillis() - v.startedAtMillis()));
    long taken = v.ingest().takenAtMillis();
    if (taken > 0) {
      out.append(" · data as of <time>").append(Fmt.time(taken)).append("</time>");
    } else {
      out.append(" · starting");
    }
    out.append(" · refreshes every ")
        .append(LandingStyle.REFRESH_SECONDS)
        .append("s</span><nav><a href=\"/metrics\">metrics</a>")
        .append("<a href=\"/api/v1/drift\">drift API</a>")
        .append("<a href=\"/-/healthy\">healthy</a>")
        .append("<a href=\"/-/ready\">ready</a>")
        .append("<a href=\"")
        .append(DOCS)
        .append("\">docs</a></nav></header>");
  }

  /** With several models: one line each, linking to its section. */
  private static void overview(StringBuilder out, LandingView v, List<ModelSnapshot> models) {
    out.append("<section class=\"card\" id=\"overview\"><div class=\"section-head\"><h2>Models")
        .append("</h2></div><div class=\"table-wrap\"><table class=\"cards\"><thead><tr>")
        .append("<th>model</th><th class=\"num\">predictions</th><th class=\"num\">flag rate</th>")
        .append("<th>drift</th></tr></thead><tbody>");
    for (ModelSnapshot m : models) {
      String name = Html.escape(m.name());
      Optional<ModelDrift> d = v.drift().model(m.name());
      out.append("<tr><th><a href=\"#model-")
          .append(name)
          .append("\">")
          .append(name)
          .append("</a></th><td class=\"num\" data-label=\"predictions\">")
          .append(Fmt.count(m.predictions()))
          .append("</td><td class=\"num\" data-label=\"flag rate\">")
          .append(Fmt.percent(m.flagged(), m.predictions()))
          .append("</td><td data-label=\"drift\">");
      if (d.isEmpty()) {
        out.append("<span class=\"badge collecting\">not evaluated</span>");
      } else {
        boolean drift = d.get().datasetDriftDetected();
        out.append("<span class=\"badge ")
            .append(drift ? "drift\">drift" : "ok\">ok")
            .append("</span> ")
            .append(d.get().driftedFeatures())
            .append(" of ")
            .append(d.get().features().size())
            .append(" features");
      }
      out.append("</td></tr>");
    }
    out.append("</tbody></table></div></section>");
  }
}
