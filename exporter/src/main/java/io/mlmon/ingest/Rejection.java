package io.mlmon.ingest;

import java.util.Locale;

/** Why a line was skipped: the {@code reason} label of {@code mlmon_log_lines_rejected_total}. */
public enum Rejection {
  /** Not valid JSON, or not one JSON value. */
  JSON,
  /** Longer than the source's {@code max_line_bytes}. */
  TOO_LONG,
  /** Not valid UTF-8. */
  ENCODING,
  /** Valid JSON, but not an event: not an object, no model, or a field of the wrong type. */
  SCHEMA,
  /** Beyond a parser limit (nesting depth, number length) that protects the process. */
  LIMIT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
