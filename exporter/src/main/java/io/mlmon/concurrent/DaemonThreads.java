package io.mlmon.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads ({@code name}, {@code name-2}, …), so background work never keeps the JVM
 * alive on its own.
 */
public final class DaemonThreads implements ThreadFactory {
  private final String name;
  private final AtomicInteger count = new AtomicInteger();

  public DaemonThreads(String name) {
    this.name = name;
  }

  @Override
  public Thread newThread(Runnable r) {
    int n = count.incrementAndGet();
    Thread t = new Thread(r, n == 1 ? name : name + "-" + n);
    t.setDaemon(true);
    return t;
  }
}
