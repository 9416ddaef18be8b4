package io.mlmon.metrics;

import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.ModelSnapshot;
import io.mlmon.monitor.VersionSnapshot;
import io.mlmon.quality.ExpiryReason;
import io.mlmon.quality.JoinResult;
import io.mlmon.quality.Outcome;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The "Traffic and outputs" and "Ground truth and outcomes" metrics of metrics.md, read from the
 * latest ingest snapshot.
 */
public final class ModelMetrics implements MultiCollector {
  private final Families families = new Families();
  private final LastCollected last = new LastCollected();
  private final Supplier<IngestSnapshot> snapshot;

  public ModelMetrics(Supplier<IngestSnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public MetricSnapshots collect() {
    IngestSnapshot s = snapshot.get();
    return last.get(s, null, () -> collect(s));
  }

  private MetricSnapshots collect(IngestSnapshot s) {
    var predictions =
        families.counter("mlmon_predictions_total", "Prediction events read.", "model", "version");
    var flagged =
        families.counter(
            "mlmon_predictions_flagged_total",
            "Predictions with the positive decision (flagged explicitly, or score >= threshold).",
            "model",
            "version");
    var errors =
        families.counter(
            "mlmon_prediction_errors_total",
            "Predictions that carried an error, by error type.",
            "model",
            "version",
            "error");
    var latency =
        families.histogram(
            "mlmon_prediction_latency_seconds",
            "Serving latency of predictions, from latency_ms.",
            "model",
            "version");
    var score =
        families.histogram(
            "mlmon_prediction_score", "Distribution of the model's score.", "model", "version");
    var lastEvent =
        families.gauge(
            "mlmon_last_event_timestamp_seconds",
            "Event time of the newest event read for the model.",
            "model");
    var outcomes =
        families.counter(
            "mlmon_outcomes_total",
            "Labelled predictions by confusion-matrix cell (tp, fp, tn, fn).",
            "model",
            "version",
            "outcome");
    var expected =
        families.counter(
            "mlmon_expected_outcomes_total",
            "Score-based estimate of each confusion-matrix cell, summed over predictions.",
            "model",
            "version",
            "outcome");
    var labels =
        families.counter(
            "mlmon_labels_total",
            "Label events by how they were matched to their prediction.",
            "model",
            "result");
    var delay =
        families.histogram(
            "mlmon_label_delay_seconds", "Time from a prediction to its label.", "model");
    var pending =
        families.gauge(
            "mlmon_labels_pending", "Predictions held waiting for their label.", "model");
    var expired =
        families.counter(
            "mlmon_labels_expired_total",
            "Pending predictions dropped without a label, by reason.",
            "model",
            "reason");

    for (ModelSnapshot m : s.monitor().models()) {
      String model = m.name();
      for (VersionSnapshot v : m.versions()) {
        String version = v.version();
        predictions.add(v.predictions(), model, version);
        flagged.add(v.flagged(), model, version);
        for (Map.Entry<String, Long> e : v.errors().entrySet()) {
          errors.add(e.getValue(), model, version, e.getKey());
        }
        latency.add(v.latencySeconds(), model, version);
        score.add(v.score(), model, version);
        for (Outcome o : Outcome.values()) {
          outcomes.add(v.outcome(o), model, version, o.label());
          expected.add(v.expected(o), model, version, o.label());
        }
      }
      m.lastEventSeconds().ifPresent(t -> lastEvent.add(t, model));
      for (JoinResult r : JoinResult.values()) {
        labels.add(m.labels(r), model, r.label());
      }
      delay.add(m.labelDelaySeconds(), model);
      pending.add(m.pendingLabels(), model);
      for (ExpiryReason r : ExpiryReason.values()) {
        expired.add(m.expired(r), model, r.label());
      }
    }
    return MetricSnapshots.of(
        predictions.build(),
        flagged.build(),
        errors.build(),
        latency.build(),
        score.build(),
        lastEvent.build(),
        outcomes.build(),
        expected.build(),
        labels.build(),
        delay.build(),
        pending.build(),
        expired.build());
  }
}
