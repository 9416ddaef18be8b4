package io.mlmon.http;

import io.mlmon.host.HostSnapshot;
import io.mlmon.host.HostStats;
import io.mlmon.host.ProbeResult;
import io.mlmon.host.ProcessSample;
import io.mlmon.ingest.SourceSnapshot;
import io.mlmon.ingest.TailerSnapshot;
import java.util.List;
import java.util.Locale;

/** The landing page's infrastructure: the log sources and their backlog, the host and probes. */
final class InfraSection {
  private InfraSection() {}

  static void sources(StringBuilder out, List<SourceSnapshot> sources) {
    out.append("<section class=\"card\" id=\"sources\"><div class=\"section-head\"><h2>Sources")
        .append("</h2><span class=\"meta\">backlog = file size − read offset</span></div>");
    if (sources.isEmpty()) {
      out.append("<p class=\"meta\">No source read yet.</p></section>");
      return;
    }
    out.append("<div class=\"table-wrap\"><table class=\"sources cards\"><thead><tr>")
        .append("<th>source</th><th class=\"num\">lines</th><th class=\"num\">rejected</th>")
        .append("<th class=\"num\">backlog</th><th class=\"num\">files open</th>")
        .append("<th class=\"num\">rotations</th></tr></thead><tbody>");
    for (SourceSnapshot s : sources) {
      TailerSnapshot t = s.tailer();
      long rejected = s.rejectedTotal();
      out.append("<tr><th>")
          .append(Html.escape(s.source()))
          .append("</th><td class=\"num\" data-label=\"lines\">")
          .append(Fmt.count(t.lines()))
          .append("</td><td class=\"num")
          .append(rejected > 0 ? " warn" : "")
          .append("\" data-label=\"rejected\">")
          .append(Fmt.count(rejected))
          .append("</td><td class=\"num\" data-label=\"backlog\" title=\"")
          .append(Fmt.count(t.backlogBytes()))
          .append(" bytes\">")
          .append(Fmt.bytes(t.backlogBytes()))
          .append("</td><td class=\"num")
          .append(t.openFiles() == 0 ? " warn" : "")
          .append("\" data-label=\"files open\">")
          .append(t.openFiles())
          .append("</td><td class=\"num\" data-label=\"rotations\">")
          .append(Fmt.count(t.rotations()))
          .append("</td></tr>");
    }
    out.append("</tbody></table></div></section>");
  }

  /** The host: nothing at all when neither the host, nor processes, nor probes are watched. */
  static void host(StringBuilder out, HostSnapshot host, List<ProbeResult> probes) {
    if (host.host().isEmpty() && host.processes().isEmpty() && probes.isEmpty()) {
      return;
    }
    out.append("<section class=\"card\" id=\"host\"><div class=\"section-head\"><h2>Host</h2>")
        .append("</div><div class=\"kpis\">");
    host.host().ifPresent(h -> stats(out, h));
    if (!host.processes().isEmpty()) {
      long up = host.processes().stream().filter(ProcessSample::up).count();
      StringBuilder detail = new StringBuilder();
      for (ProcessSample p : host.processes()) {
        upDown(
            detail, p.name(), p.up(), p.process().map(i -> "pid " + i.pid()).orElse("not found"));
      }
      Kpi.render(
          out, "serving processes up", up + " of " + host.processes().size(), detail.toString());
    }
    if (!probes.isEmpty()) {
      long up = probes.stream().filter(ProbeResult::up).count();
      StringBuilder detail = new StringBuilder();
      for (ProbeResult p : probes) {
        upDown(detail, p.target(), p.up(), p.detail());
      }
      Kpi.render(out, "probes up", up + " of " + probes.size(), detail.toString());
    }
    out.append("</div></section>");
  }

  private static void stats(StringBuilder out, HostStats h) {
    Kpi.render(
        out,
        "cpu",
        h.cpuUtilization().isPresent() ? Fmt.percent(h.cpuUtilization().getAsDouble()) : Fmt.NONE,
        (h.cpuUtilization().isPresent() ? "" : "known from the second sample · ")
            + h.logicalProcessors()
            + " logical processors"
            + h.loadAverage()
                .map(l -> String.format(Locale.ROOT, " · load %.2f", l.oneMinute()))
                .orElse(""));
    long total = h.memory().totalBytes();
    long used = total - h.memory().availableBytes();
    Kpi.render(
        out,
        "memory used",
        Fmt.percent(used, total),
        Fmt.bytes(used)
            + " of "
            + Fmt.bytes(total)
            + " · swap "
            + Fmt.bytes(h.memory().swapUsedBytes()));
  }

  private static void upDown(StringBuilder out, String name, boolean up, String detail) {
    out.append("<span class=\"updown ")
        .append(up ? "up" : "down")
        .append("\" title=\"")
        .append(Html.escape(detail))
        .append("\">")
        .append(Html.escape(name))
        .append(' ')
        .append(up ? "up" : "down")
        .append("</span> ");
  }
}
