package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.HostConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import io.mlmon.metrics.HostMetrics;
import io.mlmon.testing.Await;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import oshi.SystemInfo;

/**
 * A real child process (sleep) as the serving process, found by command-line regex and by pid file,
 * through a kill and a restart, with the real OSHI source.
 */
class HostServingProcessTest {
  private static final SystemInfo SYSTEM = new SystemInfo();

  @TempDir Path dir;

  /** Unique per test run, so no other sleep on this shared machine matches. */
  private final String seconds =
      String.format("300.%06d", ThreadLocalRandom.current().nextInt(1_000_000));

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process startServer() throws Exception {
    Process p = new ProcessBuilder("sleep", seconds).start();
    started.add(p);
    // until it has exec'd sleep and sleeps in it, the child is still the JVM's spawn helper
    Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
    Await.until(
        "sleep " + seconds + " sleeping",
        Duration.ofSeconds(10),
        () -> {
          try {
            String s = Files.readString(stat);
            return s.contains("(sleep) S ");
          } catch (IOException e) {
            return false;
          }
        });
    return p;
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroy();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("child exited and was reaped").isTrue();
  }

  private HostSampler sampler(ProcessConfig process) {
    HostConfig config = new HostConfig(false, Duration.ofSeconds(10), List.of(process), List.of());
    return new HostSampler(new OshiHostSource(SYSTEM), config, List.of());
  }

  private static String scrape(HostSampler sampler) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new HostMetrics(sampler::latest, List::of));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void assertUp(HostSnapshot s, Process p) {
    ProcessSample sample = s.processes().get(0);
    assertThat(sample.up()).isTrue();
    ProcessInfo info = sample.process().orElseThrow();
    assertThat(info.pid()).isEqualTo(p.pid());
    assertThat(info.commandLine()).startsWith("sleep 300.");
    assertThat(info.residentBytes()).as("rss of sleep").isBetween(64L << 10, 256L << 20);
    assertThat(info.threads()).as("sleep is single-threaded").isEqualTo(1);
    assertThat(info.cpuSeconds()).isBetween(0.0, 10.0);
  }

  private static void assertDown(HostSnapshot s) {
    assertThat(s.processes()).singleElement().satisfies(p -> assertThat(p.up()).isFalse());
  }

  @Test
  void found_by_command_line_regex_then_down_when_killed_and_up_again_after_a_restart()
      throws Exception {
    HostSampler sampler =
        sampler(
            new ProcessConfig(
                "model-server",
                Optional.of(Pattern.compile("^sleep " + Pattern.quote(seconds) + "$")),
                Optional.empty()));
    assertDown(sampler.sample());

    Process first = startServer();
    assertUp(sampler.sample(), first);
    String up = scrape(sampler);
    assertThat(up)
        .contains("mlmon_serving_process_up{process=\"model-server\"} 1.0")
        .contains("mlmon_serving_process_resident_memory_bytes{process=\"model-server\"}")
        .contains("mlmon_serving_process_threads{process=\"model-server\"} 1.0")
        .contains("mlmon_serving_process_cpu_seconds_total{process=\"model-server\"}");

    kill(first);
    assertDown(sampler.sample());
    String down = scrape(sampler);
    assertThat(down)
        .contains("mlmon_serving_process_up{process=\"model-server\"} 0.0")
        .doesNotContain("mlmon_serving_process_resident_memory_bytes")
        .doesNotContain("mlmon_serving_process_threads")
        .doesNotContain("mlmon_serving_process_cpu_seconds_total");

    Process second = startServer();
    assertThat(second.pid()).isNotEqualTo(first.pid());
    assertUp(sampler.sample(), second);
    assertThat(scrape(sampler)).contains("mlmon_serving_process_up{process=\"model-server\"} 1.0");
  }

  @Test
  void found_by_pid_file_then_down_when_killed_and_up_again_when_the_file_names_the_new_pid()
      throws Exception {
    Path pidFile = dir.resolve("model-server.pid");
    HostSampler sampler =
        sampler(new ProcessConfig("model-server", Optional.empty(), Optional.of(pidFile)));
    assertDown(sampler.sample());

    Process first = startServer();
    Files.writeString(pidFile, first.pid() + "\n");
    assertUp(sampler.sample(), first);

    kill(first);
    assertDown(sampler.sample());

    Process second = startServer();
    assertThat(second.pid()).isNotEqualTo(first.pid());
    Files.writeString(pidFile, second.pid() + "\n");
    assertUp(sampler.sample(), second);
    assertThat(scrape(sampler)).contains("mlmon_serving_process_up{process=\"model-server\"} 1.0");
  }

  @Test
  void mlmons_own_process_is_never_the_serving_process() throws Exception {
    long self = ProcessHandle.current().pid();
    String ownCommandLine = ProcessHandle.current().info().command().orElseThrow();
    HostSampler sampler =
        sampler(
            new ProcessConfig(
                "self",
                Optional.of(Pattern.compile(Pattern.quote(ownCommandLine))),
                Optional.empty()));
    HostSnapshot s = sampler.sample();
    // other JVMs from the same java binary may match; this one must not
    s.processes().get(0).process().ifPresent(p -> assertThat(p.pid()).isNotEqualTo(self));
    assertThat(new OshiHostSource(SYSTEM).process((int) self)).as("visible to OSHI").isPresent();
  }
}
