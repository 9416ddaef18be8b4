package io.mlmon.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Which mounted filesystems hold the paths mlmon cares about (its sources and state dir). */
final class Mounts {
  private Mounts() {}

  /**
   * The mount holding {@code path}: the one whose mountpoint is the longest prefix of it (whole
   * path elements, so {@code /var/log} holds {@code /var/log/a} but not {@code /var/logs}); of
   * mounts on the same mountpoint the last listed, the one mounted on top. Pure: {@code path}
   * should already be absolute and free of symbolic links.
   */
  static Optional<MountSpace> holding(Path path, List<MountSpace> mounts) {
    MountSpace best = null;
    int bestDepth = -1;
    for (MountSpace m : mounts) {
      Path mountpoint;
      try {
        mountpoint = Path.of(m.mountpoint());
      } catch (InvalidPathException e) {
        continue;
      }
      if (!mountpoint.isAbsolute() || !path.startsWith(mountpoint)) {
        continue;
      }
      int depth = mountpoint.getNameCount();
      if (depth >= bestDepth) {
        best = m;
        bestDepth = depth;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The distinct mounts holding any of {@code paths}, sorted by mountpoint. */
  static List<MountSpace> holdingAny(Collection<Path> paths, List<MountSpace> mounts) {
    TreeMap<String, MountSpace> out = new TreeMap<>();
    for (Path p : paths) {
      holding(p, mounts).ifPresent(m -> out.put(m.mountpoint(), m));
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Where {@code path} really lives: the nearest existing path at or above it with symbolic links
   * resolved, so a log file not created yet, or a glob, still finds its volume.
   */
  static Optional<Path> realLocation(Path path) {
    for (Path p = path.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      try {
        if (Files.exists(p)) {
          return Optional.of(p.toRealPath());
        }
      } catch (IOException | SecurityException e) {
        // not readable as it is: try the folder above
      }
    }
    return Optional.empty();
  }
}
