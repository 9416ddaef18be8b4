package io.mlmon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.cli.Exporter;
import io.mlmon.config.ConfigLoader;
import io.mlmon.demo.LogGenerator;
import io.mlmon.testing.Exposition;
import io.mlmon.testing.Http;
import io.mlmon.testing.MetricsDoc;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/metrics.md and a real scrape of an exporter with every feature on name the same metrics,
 * with the same types and labels: adding or renaming a metric without documenting it fails here.
 */
class DocsMetricsTest {
  @TempDir Path dir;

  @Test
  void the_metrics_reference_matches_a_full_scrape() throws Exception {
    LogGenerator generator =
        new LogGenerator(
            new LogGenerator.Spec(6, 0.5, 3, "fraud", 0, System.currentTimeMillis() - 60_000));
    try (Writer w = Files.newBufferedWriter(dir.resolve("p.jsonl"), StandardCharsets.UTF_8)) {
      generator.write(w, 2_000_000);
      w.write("not json\n");
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("ref.csv"), StandardCharsets.UTF_8)) {
      generator.writeReference(w, 3000);
    }
    Files.writeString(dir.resolve("server.pid"), ProcessHandle.current().pid() + "\n");
    Files.writeString(
        dir.resolve("mlmon.yml"),
        """
        server: {listen: "127.0.0.1:0"}
        sources: [{name: p, path: p.jsonl, start_at: beginning}]
        models: [{name: fraud, reference: ref.csv, threshold: 0.5}]
        drift: {interval: 500ms}
        host:
          interval: 1s
          processes: [{name: server, pid_file: server.pid}]
          probes: [{target: self, url: "tcp://127.0.0.1:1", interval: 1s, timeout: 200ms}]
        """);
    try (Exporter exporter = Exporter.start(new ConfigLoader().load(dir.resolve("mlmon.yml")))) {
      String url = "http://127.0.0.1:" + exporter.port() + "/metrics";
      Set<String> missing = new TreeSet<>(MetricsDoc.read().keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!missing.isEmpty() && System.nanoTime() < deadline) {
        // Drift computed, a checkpoint written, the host and the probe sampled: all take a moment.
        missing.removeAll(families(Http.get(url).body()).keySet());
        Thread.sleep(200);
      }
      assertThat(missing).as("documented but never exposed").isEmpty();
      String text = Http.get(url).body();
      Map<String, String> types = families(text);
      Map<String, Set<String>> labels = labelNames(text);
      for (MetricsDoc.Entry documented : MetricsDoc.read().values()) {
        assertThat(types).as("exposed: %s", documented.name()).containsKey(documented.name());
        assertThat(types.get(documented.name()))
            .as("type of %s", documented.name())
            .isEqualTo(documented.type());
        assertThat(labels.getOrDefault(documented.name(), Set.of()))
            .as("labels of %s", documented.name())
            .isEqualTo(documented.labels());
      }
      assertThat(MetricsDoc.read().keySet())
          .as("every mlmon metric the exporter serves is documented")
          .containsAll(types.keySet());
    }
  }

  /** The mlmon families of a text exposition with their TYPE. */
  private static Map<String, String> families(String text) {
    Map<String, String> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE mlmon_")) {
        String[] parts = line.split(" ");
        String type = parts[3];
        String name = parts[2];
        // The text format names a counter family by its samples (..._total); an info metric as
        // a gauge.
        out.put(name, type);
      }
    }
    return out;
  }

  /** The label names of each mlmon family, from its samples ({@code le} of histograms aside). */
  private static Map<String, Set<String>> labelNames(String text) {
    Map<String, String> families = families(text);
    Map<String, Set<String>> out = new TreeMap<>();
    for (String key : Exposition.parse(text).samples().keySet()) {
      if (!key.startsWith("mlmon_")) {
        continue;
      }
      int brace = key.indexOf('{');
      String sample = brace < 0 ? key : key.substring(0, brace);
      String family = familyOf(sample, families);
      Set<String> names = out.computeIfAbsent(family, k -> new TreeSet<>());
      if (brace >= 0) {
        for (String pair : key.substring(brace + 1, key.length() - 1).split(",(?=[a-z_]+=\")")) {
          String name = pair.substring(0, pair.indexOf('='));
          if (!name.equals("le")) {
            names.add(name);
          }
        }
      }
    }
    return out;
  }

  private static String familyOf(String sample, Map<String, String> families) {
    if (families.containsKey(sample)) {
      return sample;
    }
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        if (families.containsKey(base)) {
          return base;
        }
      }
    }
    return sample;
  }
}
