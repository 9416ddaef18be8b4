package io.mlmon.host;

/**
 * The kernel's load averages: runnable (and, on Linux, uninterruptible) tasks over 1, 5, 15 min.
 */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {
  public LoadAverage {
    if (!(oneMinute >= 0 && fiveMinutes >= 0 && fifteenMinutes >= 0)) {
      throw new IllegalArgumentException(
          "load averages are not negative: "
              + oneMinute
              + ", "
              + fiveMinutes
              + ", "
              + fifteenMinutes);
    }
  }
}
