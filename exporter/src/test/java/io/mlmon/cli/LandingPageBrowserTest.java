package io.mlmon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlmon.monitor.ModelSnapshot;
import io.mlmon.monitor.VersionSnapshot;
import io.mlmon.quality.Outcome;
import io.mlmon.testing.Await;
import io.mlmon.testing.HeadlessChromium;
import io.mlmon.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The landing page of a running demo in a real browser: Debian's {@code chromium}, headless, driven
 * through Debian's {@code chromium-driver} by Selenium. The demo runs in-process at high speed
 * until drift is detected and outcomes are counted; the test then checks that the drift table and
 * its charts render with real values, saves the screenshot the README shows ({@code
 * docs/images/landing-page.png}), checks the page on a phone-sized window and that it refreshes
 * itself in place.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LandingPageBrowserTest {
  /** Drift starts after 180 / 50 = 3.6 s; labels arrive 0.4–1.8 s after their predictions. */
  private static final double SPEED = 50;

  private static final List<String> DEMO_FEATURES =
      List.of(
          "score",
          "amount",
          "hour",
          "merchant_category",
          "country",
          "account_age_days",
          "device_type");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the page shows, read in one script so that an in-place refresh cannot interleave. */
  private static final String FACTS =
      """
      const text = e => e ? e.textContent.trim() : null;
      const kpi = n => text(document.querySelector('[data-kpi="' + n + '"] .kpi-value'));
      const rows = [...document.querySelectorAll('table.drift tbody tr')].map(tr => ({
        feature: tr.querySelector('td.name').firstChild.textContent.trim(),
        state: tr.className,
        decision: text(tr.querySelector('td[data-label=decision] .badge')),
        score: text(tr.querySelector('td[data-label=score]')),
        window: text(tr.querySelector('td[data-label=window]')),
        bins: tr.querySelectorAll('svg.chart g').length,
        bars: [...tr.querySelectorAll('svg.chart rect.ref, svg.chart rect.cur')]
            .map(r => r.getBoundingClientRect().height),
        hover: [...tr.querySelectorAll('svg.chart title')].map(t => t.textContent)
      }));
      const thead = document.querySelector('table.drift thead');
      return JSON.stringify({
        title: document.title,
        rows: rows,
        datasetDrift: !!document.querySelector('.drift-summary .badge.drift'),
        predictions: kpi('predictions'),
        precision: kpi('precision'),
        recall: kpi('recall'),
        cpu: kpi('cpu'),
        probes: kpi('probes up'),
        outcomes: text(document.querySelector('table.outcomes tr.actual')),
        sources: text(document.querySelector('table.sources tbody')),
        links: [...document.querySelectorAll('header nav a')].map(a => a.getAttribute('href')),
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        theadDisplay: thead ? getComputedStyle(thead).display : null
      });
      """;

  private static DemoCommand.Running demo;
  private static HeadlessChromium browser;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    demo = DemoCommand.Running.start("127.0.0.1", 0, SPEED);
    base = "http://127.0.0.1:" + demo.exporter().port();
    Await.until(
        "the demo's drift detected and outcomes counted",
        Duration.ofSeconds(90),
        () -> driftDetected() && labelledOutcomes() >= 50);
    // The host's CPU share needs two samples, host.interval apart: wait for a complete page.
    Await.until(
        "a CPU reading",
        Duration.ofSeconds(40),
        () -> Http.get(base + "/metrics").body().contains("\nmlmon_host_cpu_utilization_ratio "));
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (demo != null) {
        demo.close();
      }
    }
  }

  @Test
  @Order(1)
  void the_drift_table_and_its_charts_render_with_real_values_and_the_screenshot_is_saved()
      throws IOException {
    JsonNode page = load(1280, 900);

    List<String> features = new ArrayList<>();
    page.get("rows").forEach(r -> features.add(r.get("feature").asText()));
    assertThat(features).containsAll(DEMO_FEATURES);
    assertThat(page.get("title").asText()).isEqualTo("mlmon · drift: fraud");
    assertThat(page.get("datasetDrift").asBoolean()).isTrue();
    int drifted = 0;
    int ok = 0;
    for (JsonNode row : page.get("rows")) {
      String feature = row.get("feature").asText();
      String decision = row.get("decision").asText();
      assertThat(decision).as(feature).isIn("drift", "ok");
      assertThat(row.get("state").asText()).as(feature).isEqualTo("is-" + decision);
      drifted += decision.equals("drift") ? 1 : 0;
      ok += decision.equals("ok") ? 1 : 0;
      assertThat(row.get("window").asText()).as(feature).matches("[1-9][0-9,]*");
      assertThat(row.get("score").asText()).as(feature).matches("(p = )?[0-9.e-]+");
      int bins = row.get("bins").asInt();
      assertThat(bins).as(feature + " bins").isGreaterThanOrEqualTo(3);
      List<Double> bars = new ArrayList<>();
      row.get("bars").forEach(b -> bars.add(b.asDouble()));
      assertThat(bars).as(feature + " bars").hasSize(2 * bins);
      assertThat(bars.stream().filter(h -> h > 1).count())
          .as(feature + " drawn bars")
          .isGreaterThan(bins);
      assertThat(row.get("hover").get(0).asText())
          .as(feature + " hover")
          .matches(".+: reference [0-9.]+ %, current [0-9.]+ %");
    }
    JsonNode amount = row(page, "amount");
    assertThat(amount.get("decision").asText()).isEqualTo("drift");
    assertThat(Double.parseDouble(amount.get("score").asText())).isGreaterThan(0.1);
    assertThat(amount.get("hover").get(0).asText()).startsWith("bin 00 (≤ ");
    assertThat(row(page, "merchant_category").get("hover").toString()).contains("__other__");
    assertThat(drifted).isPositive();
    assertThat(ok).isPositive();

    assertThat(page.get("precision").asText()).matches("[01]\\.[0-9]{3}");
    assertThat(page.get("recall").asText()).matches("[01]\\.[0-9]{3}");
    assertThat(page.get("predictions").asText()).matches("[1-9][0-9,]{3,}");
    assertThat(page.get("outcomes").asText()).startsWith("labelled");
    assertThat(page.get("cpu").asText()).matches("[0-9.]+ %");
    assertThat(page.get("probes").asText()).isEqualTo("1 of 1");
    assertThat(page.get("sources").asText()).startsWith("predictions");
    assertThat(page.get("links").toString())
        .contains("/metrics", "/api/v1/drift", "/-/healthy", "/-/ready", "github.com");
    assertThat(page.get("scrollWidth").asInt()).isLessThanOrEqualTo(page.get("innerWidth").asInt());

    browser.saveFullPage(RepoRoot.resolve("docs/images/landing-page.png"));
  }

  @Test
  @Order(2)
  void on_a_phone_the_page_does_not_overflow_sideways() throws IOException {
    JsonNode page = load(390, 844);

    assertThat(page.get("innerWidth").asInt()).isBetween(300, 420);
    assertThat(page.get("scrollWidth").asInt())
        .as("document width on a %d px wide window", page.get("innerWidth").asInt())
        .isLessThanOrEqualTo(page.get("innerWidth").asInt());
    assertThat(page.get("theadDisplay").asText())
        .as("drift table shown as cards")
        .isEqualTo("none");
    assertThat(row(page, "amount").get("bars").toString()).isNotEqualTo("[]");
    browser.saveFullPage(Path.of("target", "landing-page-phone.png"));
  }

  @Test
  @Order(3)
  void the_page_refreshes_itself_in_place() throws IOException {
    load(1280, 900);
    String first = snapshotTime();
    // A variable of this page: a reload would drop it, an in-place refresh keeps it.
    browser.script("window.mlmonTestMarker = 42;");

    Await.until(
        "the page to show a newer snapshot",
        Duration.ofSeconds(30), // the page refreshes every 10 s
        () -> !first.equals(snapshotTime()));

    assertThat(browser.script("return window.mlmonTestMarker")).isEqualTo(42L);
    assertThat(browser.script("return document.documentElement.className")).isEqualTo("");
    assertThat(browser.script("return document.querySelectorAll('table.drift').length"))
        .isEqualTo(1L);
  }

  private static String snapshotTime() {
    return (String)
        browser.script(
            "const t = document.querySelector('header time'); return t ? t.textContent : '';");
  }

  private static JsonNode load(int width, int height) throws IOException {
    browser.open(base + "/", width, height);
    return JSON.readTree((String) browser.script(FACTS));
  }

  private static JsonNode row(JsonNode page, String feature) {
    for (JsonNode r : page.get("rows")) {
      if (r.get("feature").asText().equals(feature)) {
        return r;
      }
    }
    throw new AssertionError("no drift row for " + feature);
  }

  private static boolean driftDetected() {
    try {
      JsonNode fraud =
          JSON.readTree(Http.get(base + "/api/v1/drift").body()).path("models").path("fraud");
      return fraud.path("dataset_drift").path("detected").asBoolean()
          && fraud.path("features").size() == 6
          && fraud.path("below_min_samples").isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long labelledOutcomes() {
    long n = 0;
    for (ModelSnapshot m : demo.exporter().latest().monitor().models()) {
      for (VersionSnapshot v : m.versions()) {
        n += v.outcome(Outcome.TP) + v.outcome(Outcome.FN);
      }
    }
    return n;
  }

  /** The repository root: the nearest folder upwards holding {@code exporter/pom.xml}. */
  private static final class RepoRoot {
    static Path resolve(String relative) {
      for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("exporter/pom.xml"))) {
          return p.resolve(relative);
        }
      }
      throw new IllegalStateException(
          "cannot find the repository root above " + Path.of("").toAbsolutePath());
    }
  }
}
