package io.mlmon.metrics;

import io.mlmon.drift.DriftMethod;
import io.mlmon.drift.FeatureDrift;
import io.mlmon.drift.ModelDrift;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.FeatureStats;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.ModelSnapshot;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The "Drift" and "Data quality" metrics of metrics.md: scores from the latest drift report (a
 * feature's series appear once its window holds {@code drift.min_samples} values), bin counters,
 * reference shares and data-quality counters from the latest ingest snapshot.
 */
public final class DriftMetrics implements MultiCollector {
  private final Families families = new Families();
  private final LastCollected last = new LastCollected();
  private final Supplier<IngestSnapshot> snapshot;
  private final Supplier<DriftReport> drift;

  public DriftMetrics(Supplier<IngestSnapshot> snapshot, Supplier<DriftReport> drift) {
    this.snapshot = snapshot;
    this.drift = drift;
  }

  @Override
  public MetricSnapshots collect() {
    IngestSnapshot s = snapshot.get();
    DriftReport report = drift.get();
    return last.get(s, report, () -> collect(s, report));
  }

  private MetricSnapshots collect(IngestSnapshot s, DriftReport report) {
    var score =
        families.gauge(
            "mlmon_feature_drift_score",
            "Drift statistic of a feature's current window against the reference, by method.",
            "model",
            "feature",
            "method");
    var pValue =
        families.gauge(
            "mlmon_feature_drift_p_value",
            "p-value of the ks and chi2 tests of a feature's window against the reference.",
            "model",
            "feature",
            "method");
    var detected =
        families.gauge(
            "mlmon_feature_drift_detected",
            "1 when the feature's decision rule says drift, else 0.",
            "model",
            "feature");
    var share =
        families.gauge(
            "mlmon_dataset_drift_share",
            "Share of evaluated features with drift detected.",
            "model");
    var datasetDetected =
        families.gauge(
            "mlmon_dataset_drift_detected",
            "1 when the share of drifted features reaches drift.dataset_share.",
            "model");
    var predictionScore =
        families.gauge(
            "mlmon_prediction_drift_score",
            "Drift of the score distribution against the reference's scores, by method.",
            "model",
            "method");
    var predictionDetected =
        families.gauge(
            "mlmon_prediction_drift_detected",
            "1 when the score distribution's decision rule says drift.",
            "model");
    var samples =
        families.gauge(
            "mlmon_drift_window_samples", "Predictions in the current drift window.", "model");
    var evaluated =
        families.gauge(
            "mlmon_drift_evaluation_timestamp_seconds", "When drift was last computed.", "model");
    for (Map.Entry<String, ModelDrift> e : report.models().entrySet()) {
      String model = e.getKey();
      ModelDrift d = e.getValue();
      samples.add(d.windowSamples(), model);
      evaluated.add(d.computedAtMillis() / 1000.0, model);
      for (FeatureDrift f : d.features()) {
        f.scores().forEach((method, value) -> score.add(value, model, f.name(), method.label()));
        f.pValues().forEach((method, value) -> pValue.add(value, model, f.name(), method.label()));
        detected.add(f.driftDetected() ? 1 : 0, model, f.name());
      }
      if (!d.features().isEmpty()) {
        share.add(d.datasetDriftShare(), model);
        datasetDetected.add(d.datasetDriftDetected() ? 1 : 0, model);
      }
      d.predictionDrift()
          .ifPresent(
              p -> {
                for (Map.Entry<DriftMethod, Double> m : p.scores().entrySet()) {
                  predictionScore.add(m.getValue(), model, m.getKey().label());
                }
                predictionDetected.add(p.driftDetected() ? 1 : 0, model);
              });
    }

    var binTotal =
        families.counter(
            "mlmon_feature_bin_total",
            "Values of a feature falling in each reference bin (numeric: the PSI bins; categorical:"
                + " the category or __other__), for fleet-wide drift in Prometheus.",
            "model",
            "feature",
            "bin");
    var referenceRatio =
        families.gauge(
            "mlmon_feature_reference_ratio",
            "The reference's share of each bin.",
            "model",
            "feature",
            "bin");
    var missing =
        families.counter(
            "mlmon_feature_missing_total",
            "Events in which a reference feature was absent or null.",
            "model",
            "feature");
    var invalid =
        families.counter(
            "mlmon_feature_invalid_total",
            "Values of the wrong type, or NaN or infinite.",
            "model",
            "feature",
            "reason");
    var unseen =
        families.counter(
            "mlmon_feature_unseen_category_total",
            "Categorical values never seen in the reference.",
            "model",
            "feature");
    var outOfRange =
        families.counter(
            "mlmon_feature_out_of_range_total",
            "Numeric values outside the reference's [min, max].",
            "model",
            "feature");
    var flagRatio =
        families.gauge(
            "mlmon_reference_flag_ratio",
            "Share of reference rows whose score reaches the model's threshold.",
            "model");
    for (ModelSnapshot m : s.monitor().models()) {
      String model = m.name();
      m.referenceFlagRatio().ifPresent(r -> flagRatio.add(r, model));
      for (FeatureStats f : m.features()) {
        for (int b = 0; b < f.binLabels().size(); b++) {
          binTotal.add(f.binCounts().get(b), model, f.name(), f.binLabels().get(b));
          referenceRatio.add(f.referenceRatios().get(b), model, f.name(), f.binLabels().get(b));
        }
        missing.add(f.missing(), model, f.name());
        invalid.add(f.invalidType(), model, f.name(), "type");
        invalid.add(f.invalidNonFinite(), model, f.name(), "non_finite");
        unseen.add(f.unseenCategory(), model, f.name());
        outOfRange.add(f.outOfRange(), model, f.name());
      }
    }
    return MetricSnapshots.of(
        score.build(),
        pValue.build(),
        detected.build(),
        share.build(),
        datasetDetected.build(),
        predictionScore.build(),
        predictionDetected.build(),
        samples.build(),
        evaluated.build(),
        binTotal.build(),
        referenceRatio.build(),
        missing.build(),
        invalid.build(),
        unseen.build(),
        outOfRange.build(),
        flagRatio.build());
  }
}
