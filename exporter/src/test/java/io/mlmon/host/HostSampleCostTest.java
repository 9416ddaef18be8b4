package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.HostConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

/**
 * Measures what one sample costs on this machine and prints it (to the test's output file,
 * target/surefire-reports/io.mlmon.host.HostSampleCostTest-output.txt). Timing is reported, not
 * asserted: the machine is shared. Run alone with {@code mvn -q test -Dtest=HostSampleCostTest}.
 */
class HostSampleCostTest {
  @TempDir Path dir;

  @Test
  void prints_the_cost_of_fast_and_slow_samples_and_of_a_process_table_scan() throws Exception {
    Process server = new ProcessBuilder("sleep", "300.271828").start();
    try {
      OshiHostSource source = new OshiHostSource(new SystemInfo());
      HostConfig config =
          new HostConfig(
              true,
              Duration.ofSeconds(10),
              List.of(
                  new ProcessConfig(
                      "model-server",
                      Optional.of(Pattern.compile("^sleep 300\\.271828$")),
                      Optional.empty())),
              List.of());
      HostSampler sampler = new HostSampler(source, config, List.of(dir, dir.resolve("state")));
      List<Double> fast = new ArrayList<>();
      List<Double> slow = new ArrayList<>();
      int cycles = 6;
      for (int i = 0; i < cycles * HostSampler.SLOW_EVERY; i++) {
        boolean isSlow = sampler.nextIsSlow();
        long start = System.nanoTime();
        HostSnapshot s = sampler.sample();
        double millis = (System.nanoTime() - start) / 1e6;
        if (i >= HostSampler.SLOW_EVERY) { // the first cycle warms up class loading and JIT
          (isSlow ? slow : fast).add(millis);
        }
        assertThat(s.host()).isPresent();
        if (isSlow) {
          assertThat(s.host().get().filesystems()).isNotEmpty();
        }
        Thread.sleep(20); // let CPU ticks advance between samples, as they would in 10 s
      }
      List<Double> scans = new ArrayList<>();
      int processes = 0;
      for (int i = 0; i < 6; i++) {
        long start = System.nanoTime();
        processes = source.processes().size();
        if (i > 0) {
          scans.add((System.nanoTime() - start) / 1e6);
        }
      }
      assertThat(processes).isPositive();
      assertThat(sampler.latest().processes().get(0).up()).isTrue();
      System.out.printf(
          "host sample cost on %d logical processors, %d processes:%n"
              + "  fast sample (cpu, load, memory, interface counters, process by pid):"
              + " median %.2f ms, max %.2f ms over %d%n"
              + "  slow sample (+ interface discovery, filesystems):"
              + " median %.2f ms, max %.2f ms over %d%n"
              + "  full process-table scan (only when a tracked process must be found again):"
              + " median %.2f ms over %d%n",
          Runtime.getRuntime().availableProcessors(),
          processes,
          median(fast),
          Collections.max(fast),
          fast.size(),
          median(slow),
          Collections.max(slow),
          slow.size(),
          median(scans),
          scans.size());
    } finally {
      server.destroyForcibly();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
