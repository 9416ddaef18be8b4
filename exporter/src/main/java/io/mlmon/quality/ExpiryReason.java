package io.mlmon.quality;

import java.util.Locale;

/** Why a pending prediction was dropped unlabelled: the {@code reason} of the expiry counter. */
public enum ExpiryReason {
  /** Waited longer than {@code labels.ttl}. */
  TTL,
  /** Pushed out by newer predictions when {@code labels.max_pending} were waiting. */
  CAPACITY;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
