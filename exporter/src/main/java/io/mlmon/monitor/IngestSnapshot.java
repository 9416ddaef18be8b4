package io.mlmon.monitor;

import io.mlmon.ingest.SourceSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * Everything the ingest thread knows, frozen at one moment: what scrapes, the landing page and
 * replay output read. Never mutated; replaced as a whole.
 */
public record IngestSnapshot(
    List<SourceSnapshot> sources,
    MonitorSnapshot monitor,
    CheckpointStatus checkpoint,
    long takenAtMillis) {
  public static final IngestSnapshot EMPTY =
      new IngestSnapshot(List.of(), MonitorSnapshot.EMPTY, CheckpointStatus.DISABLED, 0);

  public IngestSnapshot {
    sources = List.copyOf(sources);
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
