package io.mlmon.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A failing sample never ends its schedule: the next ones still run. */
class SamplingTaskTest {
  @Test
  void failures_do_not_escape_and_sampling_goes_on() {
    AtomicInteger calls = new AtomicInteger();
    SamplingTask task =
        new SamplingTask(
            "test sampling",
            () -> {
              int n = calls.incrementAndGet();
              if (n == 1) {
                throw new IllegalStateException("first");
              }
              if (n == 2) {
                throw new NoClassDefFoundError("second");
              }
            });
    task.run();
    task.run();
    task.run();
    assertThat(calls).hasValue(3);
  }

  @Test
  void a_scheduled_task_keeps_running_after_a_failure() throws InterruptedException {
    AtomicInteger calls = new AtomicInteger();
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    try {
      scheduler.scheduleWithFixedDelay(
          new SamplingTask(
              "test sampling",
              () -> {
                if (calls.incrementAndGet() % 2 == 1) {
                  throw new IllegalStateException("every other sample");
                }
              }),
          0,
          5,
          TimeUnit.MILLISECONDS);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (calls.get() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(calls.get()).isGreaterThanOrEqualTo(5);
    } finally {
      scheduler.shutdownNow();
    }
  }
}
