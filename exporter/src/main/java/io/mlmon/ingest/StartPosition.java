package io.mlmon.ingest;

/** Where to start reading a file the tailer opens for the first time. */
@FunctionalInterface
public interface StartPosition {
  /**
   * @param identity the file's identity
   * @param size its current size
   * @param presentAtStart whether it existed when the tailer first looked (else it is new)
   */
  long offset(FileIdentity identity, long size, boolean presentAtStart);

  static StartPosition beginning() {
    return (identity, size, presentAtStart) -> 0;
  }

  /** Files that exist at start are read from their end; files that appear later from the start. */
  static StartPosition end() {
    return (identity, size, presentAtStart) -> presentAtStart ? size : 0;
  }
}
