package io.mlmon.bundle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names of the design contract (metrics.md), by the part of the exporter that exposes
 * them. Rules and dashboards may use only these, recording rules of alertmanager/rules/ and the few
 * standard series in {@link #STANDARD}.
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

  static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

  static {
    core("mlmon_predictions_total", "counter");
    core("mlmon_predictions_flagged_total", "counter");
    core("mlmon_prediction_errors_total", "counter");
    core("mlmon_prediction_latency_seconds", "histogram");
    core("mlmon_prediction_score", "histogram");
    core("mlmon_last_event_timestamp_seconds", "gauge");
    add("mlmon_reference_flag_ratio", "gauge", Part.REFERENCE);
    core("mlmon_outcomes_total", "counter");
    core("mlmon_expected_outcomes_total", "counter");
    core("mlmon_labels_total", "counter");
    core("mlmon_label_delay_seconds", "histogram");
    core("mlmon_labels_pending", "gauge");
    core("mlmon_labels_expired_total", "counter");
    for (String g :
        new String[] {
          "mlmon_feature_drift_score",
          "mlmon_feature_drift_p_value",
          "mlmon_feature_drift_detected",
          "mlmon_dataset_drift_share",
          "mlmon_dataset_drift_detected",
          "mlmon_prediction_drift_score",
          "mlmon_prediction_drift_detected",
          "mlmon_drift_window_samples",
          "mlmon_drift_evaluation_timestamp_seconds",
          "mlmon_feature_reference_ratio"
        }) {
      add(g, "gauge", Part.DRIFT);
    }
    add("mlmon_feature_bin_total", "counter", Part.DRIFT);
    add("mlmon_feature_missing_total", "counter", Part.QUALITY);
    add("mlmon_feature_invalid_total", "counter", Part.QUALITY);
    add("mlmon_feature_unseen_category_total", "counter", Part.QUALITY);
    add("mlmon_feature_out_of_range_total", "counter", Part.QUALITY);
    core("mlmon_log_lines_total", "counter");
    core("mlmon_log_bytes_total", "counter");
    core("mlmon_log_lines_rejected_total", "counter");
    core("mlmon_log_rotations_total", "counter");
    core("mlmon_log_offset_bytes", "gauge");
    core("mlmon_log_size_bytes", "gauge");
    core("mlmon_cardinality_limited_total", "counter");
    for (String g :
        new String[] {
          "mlmon_host_cpu_utilization_ratio",
          "mlmon_host_cpu_logical_processors",
          "mlmon_host_load_average",
          "mlmon_host_memory_total_bytes",
          "mlmon_host_memory_available_bytes",
          "mlmon_host_swap_used_bytes",
          "mlmon_host_filesystem_free_bytes",
          "mlmon_serving_process_up",
          "mlmon_serving_process_resident_memory_bytes",
          "mlmon_serving_process_threads",
          "mlmon_probe_up",
          "mlmon_probe_duration_seconds"
        }) {
      add(g, "gauge", Part.HOST);
    }
    add("mlmon_host_network_received_bytes_total", "counter", Part.HOST);
    add("mlmon_host_network_transmitted_bytes_total", "counter", Part.HOST);
    add("mlmon_serving_process_cpu_seconds_total", "counter", Part.HOST);
    core("mlmon_build_info", "gauge");
  }

  private MetricCatalogue() {}

  private static void core(String name, String type) {
    add(name, type, Part.CORE);
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
