package io.mlmon.reference;

/** A malformed row, with the line it starts on; the loader adds the file name. */
final class RowException extends RuntimeException {
  private final long line;

  RowException(long line, String message) {
    super(message);
    this.line = line;
  }

  long line() {
    return line;
  }
}
