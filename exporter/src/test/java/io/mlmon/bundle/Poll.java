package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits with a deadline: every wait of the end-to-end tests is bounded. */
final class Poll {
  private static final long STEP_MILLIS = 250;

  private Poll() {}

  /**
   * Calls {@code probe} until it returns a value or {@code timeout} passes; then fails with {@code
   * what} and the diagnostics.
   */
  static <T> T until(
      Duration timeout, String what, Supplier<Optional<T>> probe, Supplier<String> diagnostics) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() - deadline > 0) {
        return fail("timed out after %s waiting for %s%n%s", timeout, what, diagnostics.get());
      }
      sleep(STEP_MILLIS);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
