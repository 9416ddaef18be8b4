package io.mlmon.host;

import java.util.Objects;

/** A network interface as discovery finds it, before any of its counters are read. */
public record NetworkInterfaceInfo(String name, boolean loopback, boolean up) {
  public NetworkInterfaceInfo {
    Objects.requireNonNull(name, "name");
  }
}
