package io.mlmon.host;

import java.util.Objects;

/**
 * A mounted filesystem and the space on it that an unprivileged process can still write (df's
 * "Avail": free blocks minus those reserved for root), in bytes.
 */
public record MountSpace(String mountpoint, long freeBytes) {
  public MountSpace {
    Objects.requireNonNull(mountpoint, "mountpoint");
    if (freeBytes < 0) {
      throw new IllegalArgumentException("free space is not negative: " + freeBytes);
    }
  }
}
