package io.mlmon.host;

import java.util.Objects;

/**
 * The outcome of one probe of a target: up or not, how long the probe took (until the answer, the
 * error or the timeout), which attempt it was (1, 2, …) and a short human-readable detail for logs
 * ("HTTP 200", "connection refused", …).
 */
public record ProbeResult(
    String target, boolean up, double durationSeconds, long attempt, String detail) {
  public ProbeResult {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
    if (!(durationSeconds >= 0) || attempt < 1) {
      throw new IllegalArgumentException("duration and attempt must be positive");
    }
  }
}
