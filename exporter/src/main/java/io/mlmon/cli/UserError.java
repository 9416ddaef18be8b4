package io.mlmon.cli;

/** A problem the user can fix (a bad flag, a busy port): reported in one line, no stack trace. */
final class UserError extends RuntimeException {
  private final int exitCode;

  UserError(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
