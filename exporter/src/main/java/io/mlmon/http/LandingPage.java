package io.mlmon.http;

import io.javalin.http.Context;
import io.mlmon.ingest.SourceSnapshot;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.ModelSnapshot;
import java.util.function.Supplier;

/** {@code /}: what this exporter sees, at a glance, with links to the rest. */
public final class LandingPage {
  private final String version;
  private final Supplier<IngestSnapshot> snapshot;

  public LandingPage(String version, Supplier<IngestSnapshot> snapshot) {
    this.version = version;
    this.snapshot = snapshot;
  }

  void handle(Context ctx) {
    IngestSnapshot s = snapshot.get();
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>mlmon</title></head><body>")
        .append("<h1>mlmon ")
        .append(Html.escape(version))
        .append("</h1><p><a href=\"/metrics\">/metrics</a> · <a href=\"/-/healthy\">/-/healthy</a>")
        .append(" · <a href=\"/-/ready\">/-/ready</a></p>");
    html.append("<h2>Sources</h2><table><tr><th>source</th><th>lines</th><th>rejected</th>")
        .append("<th>backlog bytes</th></tr>");
    for (SourceSnapshot source : s.sources()) {
      html.append("<tr><td>")
          .append(Html.escape(source.source()))
          .append("</td><td>")
          .append(source.tailer().lines())
          .append("</td><td>")
          .append(source.rejectedTotal())
          .append("</td><td>")
          .append(source.tailer().backlogBytes())
          .append("</td></tr>");
    }
    html.append("</table><h2>Models</h2><table><tr><th>model</th><th>predictions</th>")
        .append("<th>flagged</th></tr>");
    for (ModelSnapshot m : s.monitor().models()) {
      html.append("<tr><td>")
          .append(Html.escape(m.name()))
          .append("</td><td>")
          .append(m.predictions())
          .append("</td><td>")
          .append(m.flagged())
          .append("</td></tr>");
    }
    html.append("</table></body></html>");
    ctx.html(html.toString());
  }
}
