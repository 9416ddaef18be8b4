package io.mlmon.ingest;

import java.util.Objects;

/** An open file of a source and the offset just after its last complete line. */
public record ReadPosition(FileIdentity identity, long offset, String path) {
  public ReadPosition {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(path, "path");
  }
}
