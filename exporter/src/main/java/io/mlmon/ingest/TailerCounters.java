package io.mlmon.ingest;

/** Running totals of one source, written only by the thread that polls its tailer. */
final class TailerCounters {
  long lines;
  long bytes;
  long rotations;

  /** Scans that found no file to follow. */
  long missing;

  /** Attempts to open a matching file that failed (permissions, I/O errors). */
  long unreadable;
}
