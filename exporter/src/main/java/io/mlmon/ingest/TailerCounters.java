package io.mlmon.ingest;

/** Running totals of one source, written only by the thread that polls its tailer. */
final class TailerCounters {
  long lines;
  long bytes;
  long rotations;
}
