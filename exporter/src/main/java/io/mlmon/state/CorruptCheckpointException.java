package io.mlmon.state;

/** A checkpoint file that exists but cannot be trusted; the process starts fresh instead. */
public final class CorruptCheckpointException extends Exception {
  public CorruptCheckpointException(String message) {
    super(message);
  }
}
