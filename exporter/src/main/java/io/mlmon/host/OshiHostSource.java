package io.mlmon.host;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * {@link HostSource} over OSHI. Keeps the network interfaces of the last discovery so a fast sample
 * only re-reads their counters. Not thread-safe: the sampler thread is its only caller.
 */
public final class OshiHostSource implements HostSource {
  private final HardwareAbstractionLayer hardware;
  private final CentralProcessor processor;
  private final GlobalMemory memory;
  private final OperatingSystem os;
  private Map<String, NetworkIF> interfaces = Map.of();

  public OshiHostSource(SystemInfo system) {
    this.hardware = system.getHardware();
    this.processor = hardware.getProcessor();
    this.memory = hardware.getMemory();
    this.os = system.getOperatingSystem();
  }

  @Override
  public int logicalProcessors() {
    return processor.getLogicalProcessorCount();
  }

  @Override
  public CpuTicks cpuTicks() {
    return ticks(processor.getSystemCpuLoadTicks());
  }

  /** OSHI's tick array as idle and total, the way its getSystemCpuLoadBetweenTicks reads it. */
  static CpuTicks ticks(long[] ticks) {
    long total = 0;
    for (long t : ticks) {
      total += t;
    }
    long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
    return new CpuTicks(idle, total);
  }

  @Override
  public Optional<LoadAverage> loadAverage() {
    double[] load = processor.getSystemLoadAverage(3);
    if (load.length < 3 || load[0] < 0 || load[1] < 0 || load[2] < 0) {
      return Optional.empty();
    }
    return Optional.of(new LoadAverage(load[0], load[1], load[2]));
  }

  @Override
  public MemoryUsage memory() {
    return new MemoryUsage(
        memory.getTotal(), memory.getAvailable(), memory.getVirtualMemory().getSwapUsed());
  }

  @Override
  public List<NetworkInterfaceInfo> discoverNetworkInterfaces() {
    Map<String, NetworkIF> found = new LinkedHashMap<>();
    List<NetworkInterfaceInfo> out = new ArrayList<>();
    for (NetworkIF nif : hardware.getNetworkIFs(true)) {
      found.put(nif.getName(), nif);
      out.add(
          new NetworkInterfaceInfo(
              nif.getName(), isLoopback(nif), nif.getIfOperStatus() == NetworkIF.IfOperStatus.UP));
    }
    interfaces = found;
    return out;
  }

  private static boolean isLoopback(NetworkIF nif) {
    NetworkInterface java = nif.queryNetworkInterface();
    try {
      return java != null ? java.isLoopback() : nif.getName().equals("lo");
    } catch (SocketException e) {
      return nif.getName().equals("lo");
    }
  }

  @Override
  public List<NetworkCounters> networkCounters(List<String> names) {
    List<NetworkCounters> out = new ArrayList<>(names.size());
    for (String name : names) {
      NetworkIF nif = interfaces.get(name);
      if (nif != null && nif.updateAttributes()) {
        out.add(
            new NetworkCounters(
                name, Math.max(0, nif.getBytesRecv()), Math.max(0, nif.getBytesSent())));
      }
    }
    return out;
  }

  @Override
  public List<MountSpace> mounts() {
    List<MountSpace> out = new ArrayList<>();
    for (OSFileStore store : os.getFileSystem().getFileStores(false)) {
      String mount = store.getMount();
      if (mount != null && !mount.isEmpty()) {
        out.add(new MountSpace(mount, Math.max(0, store.getUsableSpace())));
      }
    }
    return out;
  }

  @Override
  public Optional<ProcessInfo> process(int pid) {
    return running(os.getProcess(pid));
  }

  @Override
  public List<ProcessInfo> processes() {
    List<ProcessInfo> out = new ArrayList<>();
    for (OSProcess p : os.getProcesses()) {
      running(p).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<ProcessInfo> running(OSProcess p) {
    if (p == null
        || p.getProcessID() <= 0
        || p.getState() == OSProcess.State.INVALID
        || p.getState() == OSProcess.State.ZOMBIE) {
      return Optional.empty();
    }
    String commandLine = p.getCommandLine();
    return Optional.of(
        new ProcessInfo(
            p.getProcessID(),
            p.getStartTime(),
            commandLine == null ? "" : commandLine,
            Math.max(0, p.getKernelTime() + p.getUserTime()) / 1000.0,
            Math.max(0, p.getResidentMemory()),
            Math.max(0, p.getThreadCount())));
  }

  @Override
  public int selfPid() {
    return os.getProcessId();
  }
}
