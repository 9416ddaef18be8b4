package io.mlmon.ingest;

/** A source's reading totals and position at one moment. */
public record TailerSnapshot(
    String source,
    long lines,
    long bytes,
    long rotations,
    long offsetBytes,
    long sizeBytes,
    int openFiles,
    long missingScans,
    long openFailures) {

  public long backlogBytes() {
    return Math.max(0, sizeBytes - offsetBytes);
  }
}
