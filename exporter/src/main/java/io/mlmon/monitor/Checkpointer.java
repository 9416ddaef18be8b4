package io.mlmon.monitor;

import io.mlmon.ingest.ReadPosition;
import io.mlmon.ingest.SourceReader;
import io.mlmon.state.CheckpointFile;
import io.mlmon.state.FilePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes read positions and pending predictions together, on the ingest thread so they always
 * match: every few seconds, and more rarely when a checkpoint is slow to write (it never takes more
 * than about 1% of the ingest thread's time), and once more at shutdown. A failed write (disk full,
 * permissions) is counted and retried; ingest goes on.
 */
public final class Checkpointer {
  static final long MIN_INTERVAL_MILLIS = 5_000;
  static final long MAX_INTERVAL_MILLIS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

  private final CheckpointFile file;
  private final List<SourceReader> readers;
  private final Monitor monitor;
  private final LongSupplier clock;
  private final boolean loadFailed;
  private long nextDueMillis;
  private long successes;
  private long failures;
  private long lastSuccessMillis = -1;
  private long lastDurationMillis;
  private boolean failing;

  public Checkpointer(
      CheckpointFile file,
      List<SourceReader> readers,
      Monitor monitor,
      LongSupplier clock,
      boolean loadFailed) {
    this.file = file;
    this.readers = List.copyOf(readers);
    this.monitor = monitor;
    this.clock = clock;
    this.loadFailed = loadFailed;
    this.nextDueMillis = clock.getAsLong() + MIN_INTERVAL_MILLIS;
  }

  /** Saves when the interval has passed. */
  void maybeSave() {
    if (clock.getAsLong() >= nextDueMillis) {
      save();
    }
  }

  /** Saves now; returns whether the checkpoint was written. */
  boolean save() {
    long start = clock.getAsLong();
    Map<String, List<FilePosition>> positions = new LinkedHashMap<>();
    for (SourceReader reader : readers) {
      List<FilePosition> files = new ArrayList<>();
      for (ReadPosition p : reader.tailer().positions()) {
        files.add(
            new FilePosition(
                p.identity().device(),
                p.identity().inode(),
                p.identity().fallbackKey(),
                p.offset(),
                p.path()));
      }
      positions.put(reader.source(), files);
    }
    try {
      file.write(start, positions, monitor.pendingSource());
      long end = clock.getAsLong();
      lastDurationMillis = end - start;
      lastSuccessMillis = end;
      successes++;
      if (failing) {
        LOG.info("checkpoint written again to {}", file.path());
        failing = false;
      }
      nextDueMillis =
          end
              + Math.min(
                  MAX_INTERVAL_MILLIS, Math.max(MIN_INTERVAL_MILLIS, 100 * lastDurationMillis));
      return true;
    } catch (IOException | RuntimeException e) {
      failures++;
      if (!failing) {
        LOG.warn("cannot write checkpoint {}: {} (will retry)", file.path(), e.toString());
        failing = true;
      }
      nextDueMillis = clock.getAsLong() + MIN_INTERVAL_MILLIS;
      return false;
    }
  }

  CheckpointStatus status() {
    return new CheckpointStatus(
        true,
        successes,
        failures,
        lastSuccessMillis < 0 ? OptionalLong.empty() : OptionalLong.of(lastSuccessMillis),
        lastDurationMillis,
        loadFailed);
  }
}
