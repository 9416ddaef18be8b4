package io.mlmon.http;

import io.mlmon.config.DriftConfig;
import io.mlmon.drift.BinShare;
import io.mlmon.drift.DriftMethod;
import io.mlmon.drift.FeatureDrift;
import io.mlmon.drift.FeatureType;
import io.mlmon.host.HostSnapshot;
import io.mlmon.ingest.Rejection;
import io.mlmon.ingest.SourceSnapshot;
import io.mlmon.ingest.TailerSnapshot;
import io.mlmon.monitor.CheckpointStatus;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.FeatureStats;
import io.mlmon.monitor.HistogramData;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.ModelSnapshot;
import io.mlmon.monitor.MonitorSnapshot;
import io.mlmon.monitor.VersionSnapshot;
import io.mlmon.quality.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Hand-built snapshots for the landing page's renderer tests. */
final class LandingFixtures {
  static final long NOW = 1_790_000_000_000L;
  static final DriftConfig DRIFT =
      new DriftConfig(
          Duration.ofSeconds(5),
          2000,
          Duration.ofMinutes(10),
          200,
          10,
          DriftConfig.Decision.auto(),
          0.5);

  private LandingFixtures() {}

  static HistogramData histogram(long count, double sum) {
    return new HistogramData(List.of(), List.of(count), sum);
  }

  static VersionSnapshot version(
      String name, long predictions, long flagged, long tp, long fp, long tn, long fn) {
    return new VersionSnapshot(
        name,
        predictions,
        flagged,
        Map.of("TimeoutError", 3L),
        histogram(predictions, predictions * 0.012),
        histogram(predictions, predictions * 0.1),
        Map.of(Outcome.TP, tp, Outcome.FP, fp, Outcome.TN, tn, Outcome.FN, fn),
        Map.of(Outcome.TP, 10.4, Outcome.FP, 5.2, Outcome.TN, 900.0, Outcome.FN, 20.6));
  }

  static ModelSnapshot model(String name, List<VersionSnapshot> versions, boolean reference) {
    List<FeatureStats> features =
        reference
            ? List.of(
                new FeatureStats(
                    "amount",
                    List.of("00", "01"),
                    List.of(0.5, 0.5),
                    List.of(10L, 20L),
                    0,
                    0,
                    0,
                    0,
                    0))
            : List.of();
    return new ModelSnapshot(
        name,
        versions,
        Map.of(),
        histogram(0, 0),
        Map.of(),
        42,
        OptionalDouble.of((NOW - 3000) / 1000.0),
        features,
        reference ? OptionalDouble.of(0.01) : OptionalDouble.empty());
  }

  static FeatureDrift feature(String name, boolean drifted, List<BinShare> bins) {
    return new FeatureDrift(
        name,
        FeatureType.CATEGORICAL,
        2000,
        20_000,
        Map.of(DriftMethod.PSI, 0.3, DriftMethod.JENSEN_SHANNON, drifted ? 0.25 : 0.02),
        Map.of(),
        drifted,
        DriftMethod.JENSEN_SHANNON,
        0.1,
        drifted ? 0.25 : 0.02,
        bins);
  }

  static FeatureDrift pValueFeature(String name, boolean drifted) {
    return new FeatureDrift(
        name,
        FeatureType.NUMERIC,
        800,
        500,
        Map.of(DriftMethod.KS, 0.2, DriftMethod.PSI, 0.1),
        Map.of(DriftMethod.KS, drifted ? 1e-12 : 0.4),
        drifted,
        DriftMethod.KS,
        0.05,
        drifted ? 1e-12 : 0.4,
        List.of(new BinShare("00", 0.5, 0.3), new BinShare("01", 0.5, 0.7)));
  }

  static SourceSnapshot source(String name, long lines, long offset, long size) {
    return new SourceSnapshot(
        new TailerSnapshot(name, lines, size, 0, offset, size, 1, 0, 0),
        Map.of(Rejection.JSON, 2L));
  }

  static IngestSnapshot ingest(List<ModelSnapshot> models, List<SourceSnapshot> sources) {
    return new IngestSnapshot(
        sources, new MonitorSnapshot(models, Map.of()), CheckpointStatus.DISABLED, NOW - 200);
  }

  static LandingView view(IngestSnapshot ingest, DriftReport drift) {
    return new LandingView(
        "0.1.0",
        NOW - 125_000,
        NOW,
        ingest,
        drift,
        HostSnapshot.EMPTY,
        List.of(),
        DRIFT,
        BinRanges.NONE);
  }
}
