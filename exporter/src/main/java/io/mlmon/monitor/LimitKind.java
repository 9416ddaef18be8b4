package io.mlmon.monitor;

import java.util.Locale;

/**
 * What a cardinality limit folded: the {@code kind} label of {@code
 * mlmon_cardinality_limited_total}.
 */
public enum LimitKind {
  MODEL,
  VERSION,
  FEATURE,
  CATEGORY,
  ERROR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
