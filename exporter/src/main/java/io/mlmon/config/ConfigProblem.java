package io.mlmon.config;

/** One thing wrong with a configuration, located by its key path (e.g. {@code drift.interval}). */
public record ConfigProblem(String path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
