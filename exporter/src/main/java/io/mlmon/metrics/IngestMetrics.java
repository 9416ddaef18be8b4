package io.mlmon.metrics;

import io.mlmon.ingest.Rejection;
import io.mlmon.ingest.SourceSnapshot;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.LimitKind;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Supplier;

/** The "Ingest health" metrics of metrics.md, read from the latest ingest snapshot. */
public final class IngestMetrics implements MultiCollector {
  private final Supplier<IngestSnapshot> snapshot;

  public IngestMetrics(Supplier<IngestSnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public MetricSnapshots collect() {
    IngestSnapshot s = snapshot.get();
    var lines = Family.counter("mlmon_log_lines_total", "Lines read from the source.", "source");
    var bytes = Family.counter("mlmon_log_bytes_total", "Bytes read from the source.", "source");
    var rejected =
        Family.counter(
            "mlmon_log_lines_rejected_total",
            "Lines skipped because they were not a valid event, by reason.",
            "source",
            "reason");
    var rotations =
        Family.counter(
            "mlmon_log_rotations_total",
            "Rotations (rename or removal) and truncations of the source's files followed.",
            "source");
    var offset =
        Family.gauge(
            "mlmon_log_offset_bytes",
            "Read position in the source's open files (summed over them when a glob matches"
                + " several).",
            "source");
    var size =
        Family.gauge(
            "mlmon_log_size_bytes",
            "Size of the source's open files; size minus offset is the backlog still to read.",
            "source");
    for (SourceSnapshot source : s.sources()) {
      String name = source.source();
      lines.add(source.tailer().lines(), name);
      bytes.add(source.tailer().bytes(), name);
      for (Rejection r : Rejection.values()) {
        rejected.add(source.rejected(r), name, r.label());
      }
      rotations.add(source.tailer().rotations(), name);
      offset.add(source.tailer().offsetBytes(), name);
      size.add(source.tailer().sizeBytes(), name);
    }
    var limited =
        Family.counter(
            "mlmon_cardinality_limited_total",
            "Label values from the log folded into __other__ or dropped by a limit.",
            "kind");
    for (LimitKind k : LimitKind.values()) {
      limited.add(s.monitor().limited(k), k.label());
    }
    return MetricSnapshots.of(
        lines.build(),
        bytes.build(),
        rejected.build(),
        rotations.build(),
        offset.build(),
        size.build(),
        limited.build());
  }
}
