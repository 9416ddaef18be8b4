package io.mlmon.host;

import java.util.OptionalDouble;

/**
 * Cumulative CPU time of the whole host in ticks, as the kernel counts it since boot: the idle part
 * (idle and I/O wait) and the total. Utilisation is the busy share of the ticks that passed between
 * two readings the caller keeps, so no reading ever blocks to wait for a second one.
 */
public record CpuTicks(long idle, long total) {
  public CpuTicks {
    if (idle < 0 || total < 0) {
      throw new IllegalArgumentException("ticks must not be negative: " + idle + ", " + total);
    }
  }

  /**
   * The busy share of the ticks counted since {@code earlier}, clamped to [0, 1] (Linux's I/O-wait
   * counter can step backwards); empty when no tick passed or the counters went back (a reading
   * from before a reboot or a suspended VM).
   */
  public OptionalDouble utilizationSince(CpuTicks earlier) {
    long elapsed = total - earlier.total;
    if (elapsed <= 0) {
      return OptionalDouble.empty();
    }
    double busy = (double) (elapsed - (idle - earlier.idle)) / elapsed;
    return OptionalDouble.of(Math.min(1.0, Math.max(0.0, busy)));
  }
}
