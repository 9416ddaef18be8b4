package io.mlmon.state;

import java.util.Objects;

/** How far one file of a source was read: its identity and the offset after its last line. */
public record FilePosition(long device, long inode, String fallbackKey, long offset, String path) {
  public FilePosition {
    Objects.requireNonNull(fallbackKey, "fallbackKey");
    Objects.requireNonNull(path, "path");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }
}
