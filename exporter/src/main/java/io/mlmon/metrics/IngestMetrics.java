package io.mlmon.metrics;

import io.mlmon.ingest.Rejection;
import io.mlmon.ingest.SourceSnapshot;
import io.mlmon.monitor.CheckpointStatus;
import io.mlmon.monitor.IngestSnapshot;
import io.mlmon.monitor.LimitKind;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.Supplier;

/** The "Ingest health" metrics of metrics.md, read from the latest ingest snapshot. */
public final class IngestMetrics implements MultiCollector {
  private final Families families = new Families();
  private final LastCollected last = new LastCollected();
  private final Supplier<IngestSnapshot> snapshot;

  public IngestMetrics(Supplier<IngestSnapshot> snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public MetricSnapshots collect() {
    IngestSnapshot s = snapshot.get();
    return last.get(s, null, () -> collect(s));
  }

  private MetricSnapshots collect(IngestSnapshot s) {
    var lines = families.counter("mlmon_log_lines_total", "Lines read from the source.", "source");
    var bytes = families.counter("mlmon_log_bytes_total", "Bytes read from the source.", "source");
    var rejected =
        families.counter(
            "mlmon_log_lines_rejected_total",
            "Lines skipped because they were not a valid event, by reason.",
            "source",
            "reason");
    var rotations =
        families.counter(
            "mlmon_log_rotations_total",
            "Rotations (rename or removal) and truncations of the source's files followed.",
            "source");
    var offset =
        families.gauge(
            "mlmon_log_offset_bytes",
            "Read position in the source's open files (summed over them when a glob matches"
                + " several).",
            "source");
    var size =
        families.gauge(
            "mlmon_log_size_bytes",
            "Size of the source's open files; size minus offset is the backlog still to read.",
            "source");
    var open =
        families.gauge(
            "mlmon_log_files_open",
            "Files of the source being followed (0: the file is missing or unreadable).",
            "source");
    var openFailures =
        families.counter(
            "mlmon_log_open_failures_total",
            "Looks for the source's files that failed, by reason: missing (no file matches yet,"
                + " waiting) or unreadable (open failed, retried).",
            "source",
            "reason");
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
      open.add(source.tailer().openFiles(), name);
      openFailures.add(source.tailer().missingScans(), name, "missing");
      openFailures.add(source.tailer().openFailures(), name, "unreadable");
    }
    var limited =
        families.counter(
            "mlmon_cardinality_limited_total",
            "Label values from the log folded into __other__ or dropped by a limit.",
            "kind");
    for (LimitKind k : LimitKind.values()) {
      limited.add(s.monitor().limited(k), k.label());
    }
    MetricSnapshots.Builder out =
        MetricSnapshots.builder()
            .metricSnapshot(lines.build())
            .metricSnapshot(bytes.build())
            .metricSnapshot(rejected.build())
            .metricSnapshot(rotations.build())
            .metricSnapshot(offset.build())
            .metricSnapshot(size.build())
            .metricSnapshot(open.build())
            .metricSnapshot(openFailures.build())
            .metricSnapshot(limited.build());
    CheckpointStatus checkpoint = s.checkpoint();
    if (checkpoint.enabled()) {
      out.metricSnapshot(
          families
              .counter(
                  "mlmon_checkpoint_writes_total",
                  "Checkpoints (read positions and pending labels) written to state_dir, by result.",
                  "result")
              .add(checkpoint.successes(), "success")
              .add(checkpoint.failures(), "failure")
              .build());
      checkpoint
          .lastSuccessMillis()
          .ifPresent(
              t ->
                  out.metricSnapshot(
                      families
                          .gauge(
                              "mlmon_checkpoint_last_success_timestamp_seconds",
                              "When the last checkpoint was written.")
                          .add(t / 1000.0)
                          .build()));
      out.metricSnapshot(
          families
              .counter(
                  "mlmon_checkpoint_load_failures_total",
                  "Checkpoints found at start that were unreadable or corrupt and ignored.")
              .add(checkpoint.loadFailed() ? 1 : 0)
              .build());
    }
    return out.build();
  }
}
