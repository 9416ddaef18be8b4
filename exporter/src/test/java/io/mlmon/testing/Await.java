package io.mlmon.testing;

import io.mlmon.cli.Exporter;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waiting for something another thread or process does. */
public final class Await {
  private Await() {}

  /** Waits up to 30 s until one of the exporter's sources has read {@code lines} lines. */
  public static void everyLineRead(Exporter exporter, int lines) {
    until(
        "every line read",
        Duration.ofSeconds(30),
        () -> exporter.latest().sources().stream().anyMatch(s -> s.tailer().lines() == lines));
  }

  /** Polls until {@code condition} holds; fails with {@code what} after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
