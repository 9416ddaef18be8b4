package io.mlmon.reference;

import io.mlmon.drift.ReferenceProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes a profile file (see {@link ReferenceLoader} to read it back): to a temporary file beside
 * the target first, then moved into place, so a reader never sees half a profile.
 */
public final class ProfileWriter {
  private ProfileWriter() {}

  /** Writes {@code profile} to {@code file}, naming {@code model} when given. */
  public static void write(ReferenceProfile profile, Optional<String> model, Path file)
      throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        write(profile, model, out);
      }
      try {
        Files.move(
            tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Writes {@code profile} as JSON to a stream (left open). */
  public static void write(ReferenceProfile profile, Optional<String> model, OutputStream out)
      throws IOException {
    ProfileJson.write(profile, model, new NonClosing(out));
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
