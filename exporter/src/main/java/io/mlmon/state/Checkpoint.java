package io.mlmon.state;

import java.util.List;
import java.util.Map;

/** What a checkpoint holds besides the pending predictions, which are streamed. */
public record Checkpoint(
    long writtenAtMillis, Map<String, List<FilePosition>> positions, PendingTables tables) {
  public Checkpoint {
    positions = Map.copyOf(positions);
  }
}
