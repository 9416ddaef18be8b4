package io.mlmon.host;

import java.util.Objects;

/**
 * One running process: its identity (pid and start time, so a pid reused by a restart is told
 * apart), its command line (arguments joined by spaces) and its resource use.
 */
public record ProcessInfo(
    int pid,
    long startTimeMillis,
    String commandLine,
    double cpuSeconds,
    long residentBytes,
    int threads) {
  public ProcessInfo {
    Objects.requireNonNull(commandLine, "commandLine");
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be positive: " + pid);
    }
    if (!(cpuSeconds >= 0) || residentBytes < 0 || threads < 0) {
      throw new IllegalArgumentException("resource use is not negative");
    }
  }

  /** Whether {@code other} is the same process, not a later one that got the same pid. */
  boolean sameProcessAs(ProcessInfo other) {
    return pid == other.pid && startTimeMillis == other.startTimeMillis;
  }
}
