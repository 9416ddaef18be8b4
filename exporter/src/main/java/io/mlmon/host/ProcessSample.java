package io.mlmon.host;

import java.util.Objects;
import java.util.Optional;

/** A configured serving process in one sample: the process found for it, or none. */
public record ProcessSample(String name, Optional<ProcessInfo> process) {
  public ProcessSample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(process, "process");
  }

  public boolean up() {
    return process.isPresent();
  }
}
