package io.mlmon.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link HostSource} the test sets up by hand. It counts every call by method name, and can be
 * told to block inside {@link #memory()} until released, to stand for a stuck OSHI call.
 */
final class FakeHostSource implements HostSource {
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  volatile CpuTicks ticks = new CpuTicks(0, 0);
  volatile MemoryUsage memory = new MemoryUsage(8L << 30, 4L << 30, 0);
  volatile Optional<LoadAverage> load = Optional.of(new LoadAverage(0.5, 0.25, 0.125));
  volatile List<NetworkInterfaceInfo> interfaces =
      List.of(
          new NetworkInterfaceInfo("lo", true, false),
          new NetworkInterfaceInfo("eth0", false, true));
  volatile List<MountSpace> mounts = List.of(new MountSpace("/", 1000));
  private final List<ProcessInfo> processes = new ArrayList<>();
  volatile int self = 1;

  /** How many of the next {@link #cpuTicks()} calls throw, as a failing OSHI call would. */
  final AtomicInteger failingCpuTicks = new AtomicInteger();

  /** Whether {@link #mounts()} throws, as a filesystem listing stuck on a bad mount might. */
  volatile boolean failMounts;

  /** When set, {@link #memory()} counts down {@link #entered} and waits for this latch. */
  volatile CountDownLatch blockMemory;

  final CountDownLatch entered = new CountDownLatch(1);

  int calls(String method) {
    AtomicInteger n = calls.get(method);
    return n == null ? 0 : n.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void count(String method) {
    calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
  }

  synchronized void run(ProcessInfo p) {
    processes.removeIf(q -> q.pid() == p.pid());
    processes.add(p);
  }

  synchronized void kill(int pid) {
    processes.removeIf(q -> q.pid() == pid);
  }

  @Override
  public int logicalProcessors() {
    count("logicalProcessors");
    return 4;
  }

  @Override
  public CpuTicks cpuTicks() {
    count("cpuTicks");
    if (failingCpuTicks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("simulated OSHI failure");
    }
    return ticks;
  }

  @Override
  public Optional<LoadAverage> loadAverage() {
    count("loadAverage");
    return load;
  }

  @Override
  public MemoryUsage memory() {
    count("memory");
    CountDownLatch block = blockMemory;
    if (block != null) {
      entered.countDown();
      try {
        block.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory;
  }

  @Override
  public List<NetworkInterfaceInfo> discoverNetworkInterfaces() {
    count("discoverNetworkInterfaces");
    return interfaces;
  }

  @Override
  public List<NetworkCounters> networkCounters(List<String> names) {
    count("networkCounters");
    List<NetworkCounters> out = new ArrayList<>();
    for (String n : names) {
      out.add(new NetworkCounters(n, 1000L * n.length(), 10L * n.length()));
    }
    return out;
  }

  @Override
  public List<MountSpace> mounts() {
    count("mounts");
    if (failMounts) {
      throw new IllegalStateException("simulated failure listing filesystems");
    }
    return mounts;
  }

  @Override
  public synchronized Optional<ProcessInfo> process(int pid) {
    count("process");
    return processes.stream().filter(p -> p.pid() == pid).findFirst();
  }

  @Override
  public synchronized List<ProcessInfo> processes() {
    count("processes");
    return List.copyOf(processes);
  }

  @Override
  public int selfPid() {
    count("selfPid");
    return self;
  }
}
