package io.mlmon.reference;

import java.nio.file.Path;

/**
 * A reference file that cannot be read: the message is one line naming the file (and the line,
 * where there is one), e.g. {@code train.csv:12: 5 fields, the header has 6}.
 */
public final class ReferenceException extends Exception {
  public ReferenceException(String message) {
    super(message);
  }

  public ReferenceException(String message, Throwable cause) {
    super(message, cause);
  }

  static ReferenceException at(Path file, long line, String problem) {
    return new ReferenceException(name(file) + ":" + line + ": " + problem);
  }

  static ReferenceException of(Path file, String problem) {
    return new ReferenceException(name(file) + ": " + problem);
  }

  static String name(Path file) {
    return file.toString();
  }
}
