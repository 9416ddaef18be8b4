package io.mlmon.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One prediction log to tail: a file, or a glob (only its last path element may hold wildcards).
 */
public record SourceConfig(String name, Path path, StartAt startAt, int maxLineBytes) {
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  public SourceConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(startAt, "startAt");
    if (maxLineBytes < 64) {
      throw new IllegalArgumentException("maxLineBytes must be at least 64: " + maxLineBytes);
    }
  }

  /** Where to start reading a file that has no checkpoint. */
  public enum StartAt {
    END,
    BEGINNING
  }
}
