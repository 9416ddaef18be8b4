package io.mlmon.bundle;

import io.mlmon.testing.MetricsDoc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names of docs/metrics.md (which a test keeps equal to a real scrape), by the part of
 * the exporter that exposes them. Rules and dashboards may use only these, recording rules of
 * alertmanager/rules/ and the few standard series in {@link #STANDARD}.
 */
final class MetricCatalogue {
  /** Which part of the exporter exposes a family; all but {@link #CORE} land in later issues. */
  enum Part {
    /** Traffic, outcomes, labels and ingest health: exposed today. */
    CORE,
    /** Needs a model reference: {@code mlmon_reference_flag_ratio}. */
    REFERENCE,
    DRIFT,
    QUALITY,
    HOST
  }

  /** A metric family: its name, Prometheus type and the part that exposes it. */
  record Family(String name, String type, Part part) {
    /** The series names Prometheus stores for it. */
    Set<String> seriesNames() {
      return type.equals("histogram")
          ? Set.of(name + "_bucket", name + "_sum", name + "_count")
          : Set.of(name);
    }
  }

  /** Series that are not mlmon's own but that rules and dashboards may use. */
  static final Set<String> STANDARD =
      Set.of(
          "up",
          "ALERTS",
          "scrape_duration_seconds",
          "process_cpu_seconds_total",
          "jvm_memory_used_bytes");

  /** The families of docs/metrics.md, with the part that exposes them by section. */
  static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

  static {
    for (MetricsDoc.Entry e : MetricsDoc.read().values()) {
      add(e.name(), e.type(), partOf(e));
    }
  }

  private MetricCatalogue() {}

  private static Part partOf(MetricsDoc.Entry e) {
    if (e.name().equals("mlmon_reference_flag_ratio")) {
      return Part.REFERENCE;
    }
    String section = e.section();
    if (section.startsWith("Drift")) {
      return Part.DRIFT;
    }
    if (section.startsWith("Data quality")) {
      return Part.QUALITY;
    }
    if (section.startsWith("Host")) {
      return Part.HOST;
    }
    return Part.CORE;
  }

  private static void add(String name, String type, Part part) {
    FAMILIES.put(name, new Family(name, type, part));
  }

  /** The family a stored series name belongs to ({@code …_bucket} → the histogram). */
  static Optional<Family> familyOf(String seriesName) {
    Family f = FAMILIES.get(seriesName);
    if (f != null) {
      return Optional.of(f);
    }
    for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
      if (seriesName.endsWith(suffix)) {
        Family h = FAMILIES.get(seriesName.substring(0, seriesName.length() - suffix.length()));
        if (h != null && h.type().equals("histogram")) {
          return Optional.of(h);
        }
      }
    }
    return Optional.empty();
  }

  /** Every series name Prometheus may store for the catalogue's families. */
  static Set<String> allSeriesNames() {
    Set<String> out = new TreeSet<>();
    FAMILIES.values().forEach(f -> out.addAll(f.seriesNames()));
    return out;
  }
}
