package io.mlmon.concurrent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic sample that keeps its schedule whatever happens: a failure is logged once, until
 * sampling works again, and never escapes (an escaping exception would cancel a scheduled task for
 * good), so the last good sample stays published meanwhile.
 */
public final class SamplingTask implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SamplingTask.class);

  private final String what;
  private final Runnable sample;
  private boolean failing;

  /**
   * @param what names the sampling in the log ("host sampling")
   * @param sample takes and publishes one sample
   */
  public SamplingTask(String what, Runnable sample) {
    this.what = what;
    this.sample = sample;
  }

  @Override
  public void run() {
    try {
      sample.run();
      if (failing) {
        LOG.info("{} works again", what);
        failing = false;
      }
    } catch (RuntimeException | LinkageError e) {
      if (!failing) {
        LOG.warn("{} failed; keeping the last sample", what, e);
        failing = true;
      }
    }
  }
}
