package io.mlmon.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;

/**
 * What makes a file the same file across renames: device and inode. A rotated file keeps its
 * identity under its new name; a new file at the old name gets a new one.
 */
public record FileIdentity(long device, long inode, String fallbackKey) {
  public FileIdentity {
    Objects.requireNonNull(fallbackKey, "fallbackKey");
  }

  /** The identity and size of the file at {@code path}, following symbolic links. */
  public static Stat stat(Path path) throws IOException {
    try {
      Map<String, Object> unix = Files.readAttributes(path, "unix:dev,ino,size");
      return new Stat(
          new FileIdentity(
              ((Number) unix.get("dev")).longValue(), ((Number) unix.get("ino")).longValue(), ""),
          ((Number) unix.get("size")).longValue());
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // Not a Unix file system: the file key (where the platform has one) still tells renames
      // apart.
      BasicFileAttributes basic =
          Files.readAttributes(path, BasicFileAttributes.class, new LinkOption[0]);
      Object key = basic.fileKey();
      return new Stat(
          new FileIdentity(0, 0, key == null ? path.toAbsolutePath().toString() : key.toString()),
          basic.size());
    }
  }

  // Written out, not left to the record: a record's equals and hashCode are bootstrapped through
  // method handles on first use, ~7 ms spun at every start, as the tailer's map of open files is
  // keyed by identity.
  @Override
  public boolean equals(Object o) {
    return o instanceof FileIdentity f
        && device == f.device
        && inode == f.inode
        && fallbackKey.equals(f.fallbackKey);
  }

  @Override
  public int hashCode() {
    return (Long.hashCode(device) * 31 + Long.hashCode(inode)) * 31 + fallbackKey.hashCode();
  }

  /** A file's identity and size at one moment. */
  public record Stat(FileIdentity identity, long size) {}
}
