package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mlmon.config.HostConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

/** The sampler over real OSHI, checked against what Linux itself says about this machine. */
class HostOnThisMachineTest {
  private static final SystemInfo SYSTEM = new SystemInfo();

  @TempDir Path dir;

  private HostSampler sampler(List<Path> watched) {
    HostConfig config = new HostConfig(true, Duration.ofSeconds(10), List.of(), List.of());
    return new HostSampler(new OshiHostSource(SYSTEM), config, watched);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", List.of(command), out).isZero();
    return out;
  }

  @Test
  void memory_total_is_memtotal_of_proc_meminfo() throws Exception {
    long memTotalKib =
        Files.readAllLines(Path.of("/proc/meminfo")).stream()
            .filter(l -> l.startsWith("MemTotal:"))
            .map(l -> l.replaceAll("[^0-9]", ""))
            .mapToLong(Long::parseLong)
            .findFirst()
            .orElseThrow();
    MemoryUsage memory = sampler(List.of()).sample().host().orElseThrow().memory();
    assertThat(memory.totalBytes()).isEqualTo(memTotalKib * 1024);
    assertThat(memory.availableBytes()).isPositive().isLessThanOrEqualTo(memory.totalBytes());
    assertThat(memory.swapUsedBytes()).isNotNegative();
  }

  @Test
  void logical_processors_are_what_the_jvm_and_nproc_count() throws Exception {
    int logical = sampler(List.of()).sample().host().orElseThrow().logicalProcessors();
    assertThat(logical).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(logical).isEqualTo(Integer.parseInt(run("nproc")));
  }

  @Test
  void load_averages_are_the_kernels() throws Exception {
    double[] before = procLoadavg();
    LoadAverage load = sampler(List.of()).sample().host().orElseThrow().loadAverage().orElseThrow();
    double[] after = procLoadavg();
    double[] ours = {load.oneMinute(), load.fiveMinutes(), load.fifteenMinutes()};
    for (int i = 0; i < 3; i++) {
      // /proc/loadavg has two decimals; the kernel may update it between the two reads
      assertThat(Math.abs(ours[i] - before[i]) < 0.006 || Math.abs(ours[i] - after[i]) < 0.006)
          .as("period %d: %s not %s or %s", i, ours[i], before[i], after[i])
          .isTrue();
    }
  }

  private static double[] procLoadavg() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
    return new double[] {
      Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])
    };
  }

  /**
   * Utilisation over half a second, idle or with one core burning. The machine is shared, so each
   * attempt compares with an idle baseline measured just before it; while other work saturates
   * every core utilisation cannot rise, so attempts go on (at most 40, over at most 60 s) until one
   * finds room; on a quiet machine the first one does.
   */
  @Test
  void cpu_utilization_rises_above_an_idle_baseline_while_a_core_burns_and_stays_in_0_1()
      throws Exception {
    HostSampler sampler = sampler(List.of());
    int cores = Runtime.getRuntime().availableProcessors();
    double margin = 0.5 / cores; // half a core's worth of the whole host
    List<String> attempts = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int attempt = 0; attempt < 40 && System.nanoTime() < deadline; attempt++) {
      double idle = utilizationOver(sampler, false);
      double busy = utilizationOver(sampler, true);
      attempts.add(String.format("idle %.3f, burning %.3f", idle, busy));
      assertThat(idle).isBetween(0.0, 1.0);
      assertThat(busy).isBetween(0.0, 1.0);
      if (busy >= idle + margin) {
        System.out.println("cpu utilization: " + attempts);
        return;
      }
    }
    fail("utilization never rose by %.3f: %s", margin, attempts);
  }

  private static volatile double sink;

  private static double utilizationOver(HostSampler sampler, boolean burn) throws Exception {
    sampler.sample();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    if (burn) {
      Thread burner =
          new Thread(
              () -> {
                double x = 1;
                while (System.nanoTime() < end) {
                  for (int i = 0; i < 10_000; i++) {
                    x = Math.sqrt(x + i);
                  }
                }
                sink = x;
              },
              "burn-a-core");
      burner.start();
      burner.join(10_000);
    } else {
      Thread.sleep(500);
    }
    return sampler.sample().host().orElseThrow().cpuUtilization().orElseThrow();
  }

  @Test
  void network_counters_are_the_kernels_for_non_loopback_interfaces() throws Exception {
    Set<String> kernel;
    try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
      kernel = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    List<Long> before = new ArrayList<>();
    HostSampler sampler = sampler(List.of());
    List<NetworkCounters> first = sampler.sample().host().orElseThrow().network();
    for (NetworkCounters n : first) {
      before.add(sysCounter(n.name(), "rx_bytes"));
    }
    List<NetworkCounters> network = sampler.sample().host().orElseThrow().network();
    assertThat(network)
        .extracting(NetworkCounters::name)
        .isEqualTo(first.stream().map(NetworkCounters::name).toList());
    assertThat(network).extracting(NetworkCounters::name).doesNotContain("lo");
    assertThat(kernel).containsAll(network.stream().map(NetworkCounters::name).toList());
    assertThat(network.size()).isLessThanOrEqualTo(NetworkInterfaceSelection.MAX_INTERFACES);
    for (int i = 0; i < network.size(); i++) {
      NetworkCounters n = network.get(i);
      assertThat(n.receivedBytes()).as(n.name()).isGreaterThanOrEqualTo(before.get(i));
      assertThat(n.transmittedBytes()).as(n.name()).isNotNegative();
    }
  }

  private static long sysCounter(String iface, String counter) throws IOException {
    return Long.parseLong(
        Files.readString(Path.of("/sys/class/net", iface, "statistics", counter)).trim());
  }

  @Test
  void free_space_is_reported_for_the_mount_holding_a_watched_path() throws Exception {
    String mountpoint = run("stat", "-c", "%m", dir.toString());
    List<MountSpace> filesystems =
        sampler(List.of(dir.resolve("predictions*.jsonl"), dir.resolve("state")))
            .sample()
            .host()
            .orElseThrow()
            .filesystems();
    assertThat(filesystems).extracting(MountSpace::mountpoint).containsExactly(mountpoint);
    long total = Files.getFileStore(dir).getTotalSpace();
    assertThat(filesystems.get(0).freeBytes()).isPositive().isLessThanOrEqualTo(total);
  }
}
