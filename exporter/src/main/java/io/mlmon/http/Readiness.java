package io.mlmon.http;

import java.util.Optional;

/** Whether the exporter serves complete data yet, and if not, why (for {@code /-/ready}). */
@FunctionalInterface
public interface Readiness {
  /** Empty when ready, else a one-line reason. */
  Optional<String> notReadyBecause();
}
