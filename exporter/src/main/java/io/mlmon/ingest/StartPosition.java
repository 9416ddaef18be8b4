package io.mlmon.ingest;

import java.util.Map;

/** Where to start reading a file the tailer opens for the first time. */
@FunctionalInterface
public interface StartPosition {
  /**
   * @param identity the file's identity
   * @param size its current size
   * @param modifiedMillis its last modification time
   * @param presentAtStart whether it existed when the tailer first looked (else it is new)
   */
  long offset(FileIdentity identity, long size, long modifiedMillis, boolean presentAtStart);

  static StartPosition beginning() {
    return (identity, size, modified, presentAtStart) -> 0;
  }

  /** Files that exist at start are read from their end; files that appear later from the start. */
  static StartPosition end() {
    return (identity, size, modified, presentAtStart) -> presentAtStart ? size : 0;
  }

  /**
   * Resumes from a checkpoint: a checkpointed file continues at its offset when it is not shorter
   * (else it was truncated while mlmon was down and is read again from 0). A file the checkpoint
   * does not know is read from 0 when it changed after the checkpoint (written while mlmon was
   * down: nothing of it may be lost); otherwise {@code fallback} (the source's {@code start_at})
   * decides.
   */
  static StartPosition resume(
      Map<FileIdentity, Long> saved, long checkpointMillis, StartPosition fallback) {
    return (identity, size, modified, presentAtStart) -> {
      Long offset = saved.get(identity);
      if (offset != null) {
        return offset <= size ? offset : 0;
      }
      if (!presentAtStart || modified > checkpointMillis) {
        return 0;
      }
      return fallback.offset(identity, size, modified, presentAtStart);
    };
  }
}
