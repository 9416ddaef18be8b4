package io.mlmon.quality;

import java.util.Locale;

/** How a label event was matched: the {@code result} label of {@code mlmon_labels_total}. */
public enum JoinResult {
  /** Joined to its pending prediction. */
  JOINED,
  /** Carried the prediction itself; no join needed. */
  INLINE,
  /** No pending prediction with that model and id. */
  UNMATCHED,
  /** Its prediction was already labelled; changes nothing. */
  DUPLICATE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
