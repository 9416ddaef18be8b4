package io.mlmon.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping background threads at shutdown without ever hanging it. */
public final class Stop {
  private static final Logger LOG = LoggerFactory.getLogger(Stop.class);
  private static final long WAIT_SECONDS = 5;

  private Stop() {}

  /**
   * Interrupts {@code executor}'s tasks and waits up to 5 s for them to end; warns (naming {@code
   * what}) when they do not, and keeps an interrupt of the caller for the caller.
   */
  public static void now(ExecutorService executor, String what) {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("{} did not stop within {} s", what, WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
