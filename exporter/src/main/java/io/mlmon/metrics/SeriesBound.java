package io.mlmon.metrics;

import io.mlmon.config.MlmonConfig;
import io.mlmon.drift.DriftMethod;
import io.mlmon.host.HostMonitor;

/**
 * The most {@code mlmon_*} series a config can produce, whatever the log holds: every label value
 * that comes from the log is capped (models, versions, error types, features, categories), so the
 * exposition has a hard upper bound computable from the config alone. docs/metrics.md shows the
 * formula; a test feeds a hostile log and checks the exposition stays under it. JVM and process
 * metrics (about a hundred series, fixed by the JVM) come on top.
 */
public record SeriesBound(
    long perModelVersion,
    long perModel,
    long perReferenceFeature,
    long perReferenceModel,
    long models,
    long versionsPerModel,
    long referenceModels,
    long featuresPerModel,
    long ingest,
    long host,
    long total) {

  /** Buckets plus +Inf, _sum and _count. */
  private static final int LATENCY_HISTOGRAM = 13 + 3;

  private static final int SCORE_HISTOGRAM = 20 + 3;
  private static final int DELAY_HISTOGRAM = 13 + 3;
  private static final int OUTCOMES = 4;

  public static SeriesBound of(MlmonConfig config) {
    var limits = config.limits();
    long configured = config.models().size();
    long models = Math.max(limits.maxModels(), configured) + 1; // + __other__
    long versions = limits.maxVersionsPerModel() + 1L;
    long errors = limits.maxErrorTypes() + 1L;
    long referenceModels = config.models().stream().filter(m -> m.reference().isPresent()).count();
    long features = limits.maxFeaturesPerModel();
    long bins = Math.max(config.drift().psiBins(), limits.maxCategoriesPerFeature() + 1L);
    long methods = DriftMethod.values().length;
    long pValueMethods = 2;

    // predictions, flagged, errors by type, latency and score histograms, outcomes, expected.
    long perModelVersion = 1 + 1 + errors + LATENCY_HISTOGRAM + SCORE_HISTOGRAM + 2L * OUTCOMES;
    // last event, labels by result (4), label delay, pending, expired by reason (2).
    long perModel = 1 + 4 + DELAY_HISTOGRAM + 1 + 2;
    // scores, p-values, detected, bin totals, reference ratios, missing, invalid (2), unseen,
    // out of range.
    long perFeature = methods + pValueMethods + 1 + 2 * bins + 1 + 2 + 1 + 1;
    // dataset share and decision, prediction scores and decision, window samples, evaluation
    // time, reference flag ratio.
    long perReferenceModel = 2 + methods + 1 + 1 + 1 + 1;
    long sources = config.sources().size();
    // lines, bytes, rejected (5), rotations, offset, size, files open, open failures (2); then
    // cardinality limited (5), checkpoint (4), build info.
    long ingest = sources * 13 + 5 + 4 + 1;
    long host =
        (config.host().enabled() ? 8 + 2L * HostMonitor.MAX_NETWORK_INTERFACES + sources + 1 : 0)
            + 4L * config.host().processes().size()
            + 2L * config.host().probes().size();
    long total =
        models * versions * perModelVersion
            + models * perModel
            + referenceModels * (features * perFeature + perReferenceModel)
            + ingest
            + host;
    return new SeriesBound(
        perModelVersion,
        perModel,
        perFeature,
        perReferenceModel,
        models,
        versions,
        referenceModels,
        features,
        ingest,
        host,
        total);
  }
}
