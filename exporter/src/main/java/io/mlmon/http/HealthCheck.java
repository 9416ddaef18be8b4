package io.mlmon.http;

import java.util.Optional;

/** A condition {@code /-/healthy} or {@code /-/ready} reports: empty when it holds. */
@FunctionalInterface
public interface HealthCheck {
  /** Empty when all is well, else a one-line reason. */
  Optional<String> failingBecause();
}
