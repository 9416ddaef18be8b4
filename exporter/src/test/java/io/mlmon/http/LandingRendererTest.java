package io.mlmon.http;

import static io.mlmon.http.LandingFixtures.NOW;
import static io.mlmon.http.LandingFixtures.feature;
import static io.mlmon.http.LandingFixtures.ingest;
import static io.mlmon.http.LandingFixtures.model;
import static io.mlmon.http.LandingFixtures.pValueFeature;
import static io.mlmon.http.LandingFixtures.source;
import static io.mlmon.http.LandingFixtures.version;
import static io.mlmon.http.LandingFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.drift.BinShare;
import io.mlmon.drift.ModelDrift;
import io.mlmon.host.HostSnapshot;
import io.mlmon.host.HostStats;
import io.mlmon.host.LoadAverage;
import io.mlmon.host.MemoryUsage;
import io.mlmon.host.ProbeResult;
import io.mlmon.host.ProcessSample;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LandingRendererTest {
  private static final List<BinShare> BINS =
      List.of(new BinShare("grocery", 0.6, 0.3), new BinShare("__other__", 0.4, 0.7));

  private static ModelDrift drift(Map<String, Long> insufficient) {
    return new ModelDrift(
        NOW - 4000,
        2000,
        List.of(feature("merchant_category", true, BINS), feature("device_type", false, BINS)),
        insufficient,
        0.5,
        true,
        Optional.of(pValueFeature("score", true)));
  }

  private static String fraudPage() {
    Map<String, Long> insufficient = new LinkedHashMap<>();
    insufficient.put("account_age_days", 120L);
    IngestSnapshot ingest =
        ingest(
            List.of(model("fraud", List.of(version("v3", 10_000, 150, 80, 40, 9000, 20)), true)),
            List.of(source("predictions", 5000, 1000, 4096)));
    return LandingRenderer.render(
        view(ingest, new DriftReport(Map.of("fraud", drift(insufficient)), NOW - 4000)));
  }

  /** The {@code <tr>} of the drift table whose feature cell names {@code feature}. */
  private static String row(String page, String feature) {
    Matcher m =
        Pattern.compile(
                "<tr class=\"[^\"]*\"><td class=\"name\"[^>]*>"
                    + Pattern.quote(feature)
                    + "[ <].*?</tr>")
            .matcher(page);
    assertThat(m.find()).as("a row for " + feature).isTrue();
    return m.group();
  }

  @Test
  void the_header_links_to_the_other_endpoints_and_the_docs() {
    String page = fraudPage();

    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<meta name=\"viewport\"")
        .contains("href=\"/metrics\"", "href=\"/api/v1/drift\"", "href=\"/-/healthy\"")
        .contains("href=\"/-/ready\"", "href=\"https://github.com/mlmon/mlmon/blob/main/docs/\"")
        .contains("mlmon<span>0.1.0</span>", "up 2m 5s", "refreshes every 10s")
        .doesNotContain("src=\"http", "<link ");
  }

  @Test
  void traffic_flag_rate_outcomes_and_precision_recall_are_shown() {
    String page = fraudPage();

    assertThat(page)
        .contains("<div class=\"kpi-value\">10,000</div>")
        .contains("<div class=\"kpi-value\">1.50 %</div>", "reference 1.00 % (×1.5)")
        .contains("<div class=\"kpi-value\">0.667</div>") // precision 80 / 120
        .contains("<div class=\"kpi-value\">0.800</div>") // recall 80 / 100
        .contains("<div class=\"kpi-value\">42</div>") // pending labels
        .contains("TimeoutError 3")
        .contains("expected from scores")
        .contains("<td class=\"num\" data-label=\"FN\">21</td>") // expected FN 20.6
        .contains("<td class=\"num\" data-label=\"mean latency\">12.0 ms</td>");
  }

  @Test
  void drifted_features_are_marked_drift_and_the_others_ok() {
    String page = fraudPage();

    assertThat(row(page, "merchant_category"))
        .startsWith("<tr class=\"is-drift\">")
        .contains("<span class=\"badge drift\">drift</span>")
        .contains("jensen_shannon", "0.250", "≥ 0.100", "2,000", "<svg");
    assertThat(row(page, "device_type"))
        .startsWith("<tr class=\"is-ok\">")
        .contains("<span class=\"badge ok\">ok</span>")
        .doesNotContain("badge drift");
    assertThat(page).contains("badge drift\">dataset drift", "1 of 2 features drifted (50.0 %");
  }

  @Test
  void a_p_value_method_shows_its_p_value_against_the_threshold() {
    String score = row(fraudPage(), "score");

    assertThat(score)
        .contains("<small>prediction</small>", ">ks<", "p = 1.00e-12", "p &lt; 0.050", "800");
  }

  @Test
  void features_below_min_samples_are_listed_as_collecting() {
    assertThat(row(fraudPage(), "account_age_days"))
        .startsWith("<tr class=\"is-collecting\">")
        .contains("collecting (120 of 200)")
        .doesNotContain("<svg");
  }

  @Test
  void sources_show_their_backlog() {
    assertThat(fraudPage())
        .contains("<th>predictions</th><td class=\"num\" data-label=\"lines\">5,000</td>")
        .contains("3.0 KiB");
  }

  @Test
  void names_from_the_log_are_escaped_everywhere() {
    String evil = "<img src=x onerror=alert(1)>";
    IngestSnapshot ingest =
        ingest(
            List.of(model(evil, List.of(version(evil, 10, 1, 0, 0, 0, 0)), true)),
            List.of(source(evil, 1, 0, 0)));
    ModelDrift drift =
        new ModelDrift(
            NOW,
            300,
            List.of(feature(evil, true, List.of(new BinShare(evil, 1, 1)))),
            Map.of(evil + "2", 3L),
            1,
            true,
            Optional.empty());

    String page = LandingRenderer.render(view(ingest, new DriftReport(Map.of(evil, drift), NOW)));

    assertThat(page).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void a_model_without_a_reference_or_a_report_says_why_there_is_no_drift_table() {
    IngestSnapshot ingest =
        ingest(
            List.of(
                model("plain", List.of(version("v1", 5, 0, 0, 0, 0, 0)), false),
                model("waiting", List.of(version("v1", 5, 0, 0, 0, 0, 0)), true)),
            List.of());

    String page = LandingRenderer.render(view(ingest, DriftReport.EMPTY));

    assertThat(page)
        .contains("No reference profile for this model")
        .contains("Not evaluated yet: drift is computed every 5s")
        .contains("id=\"overview\"", "href=\"#model-plain\"")
        .doesNotContain("<table class=\"drift");
  }

  @Test
  void before_the_first_snapshot_the_page_says_it_is_waiting() {
    String page = LandingRenderer.render(view(IngestSnapshot.EMPTY, DriftReport.EMPTY));

    assertThat(page).contains("No predictions yet", "starting", "No source read yet");
  }

  @Test
  void the_host_shows_cpu_memory_processes_and_probes() {
    HostSnapshot host =
        new HostSnapshot(
            Optional.of(
                new HostStats(
                    2,
                    OptionalDouble.of(0.25),
                    Optional.of(new LoadAverage(1.5, 1, 1)),
                    new MemoryUsage(8L << 30, 6L << 30, 0),
                    List.of(),
                    List.of())),
            List.of(new ProcessSample("model<server>", Optional.empty())));
    LandingView base = view(IngestSnapshot.EMPTY, DriftReport.EMPTY);
    LandingView v =
        new LandingView(
            base.version(),
            base.startedAtMillis(),
            base.nowMillis(),
            base.ingest(),
            base.drift(),
            host,
            List.of(new ProbeResult("model-server", true, 0.01, 1, "HTTP 200")),
            base.driftConfig(),
            base.binRanges());

    assertThat(LandingRenderer.render(v))
        .contains("25.0 %", "load 1.50", "25.0 %", "2.0 GiB of 8.0 GiB")
        .contains("0 of 1", "model&lt;server&gt; down", "1 of 1", "model-server up");
  }

  @Test
  void without_host_sampling_there_is_no_host_section() {
    assertThat(LandingRenderer.render(view(IngestSnapshot.EMPTY, DriftReport.EMPTY)))
        .doesNotContain("id=\"host\"");
  }
}
