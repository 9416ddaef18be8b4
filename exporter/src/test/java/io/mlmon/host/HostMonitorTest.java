package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.ConfigLoader;
import io.mlmon.config.MlmonConfig;
import io.mlmon.testing.Await;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background side: what runs, on which threads, for which {@code host:} config. */
class HostMonitorTest {
  @TempDir Path dir;

  private final FakeHostSource source = new FakeHostSource();

  private MlmonConfig config(String host) throws Exception {
    return new ConfigLoader()
        .parse(
            """
            sources: [{name: predictions, path: logs/p*.jsonl}]
            state_dir: state
            host:
            """
                + host.indent(2),
            dir,
            "mlmon.yml");
  }

  @Test
  void with_host_sampling_off_and_nothing_else_configured_nothing_starts() throws Exception {
    AtomicBoolean made = new AtomicBoolean();
    try (HostMonitor monitor =
        HostMonitor.start(
            config("enabled: false"),
            () -> {
              made.set(true);
              return source;
            })) {
      assertThat(monitor.latest()).isEqualTo(HostSnapshot.EMPTY);
      assertThat(monitor.probes()).isEmpty();
    }
    assertThat(made).as("no OSHI source made").isFalse();
  }

  @Test
  void with_host_sampling_off_serving_processes_and_probes_still_run() throws Exception {
    Files.writeString(dir.resolve("server.pid"), "4242\n");
    source.run(new ProcessInfo(4242, 1, "model-server", 1, 2, 3));
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HostMonitor monitor =
            HostMonitor.start(
                config(
                    """
                    enabled: false
                    processes: [{name: server, pid_file: server.pid}]
                    probes: [{target: server, url: "tcp://127.0.0.1:%d", interval: 1s}]
                    """
                        .formatted(listener.getLocalPort())),
                () -> source)) {
      Await.until(
          "a process sample and a probe",
          Duration.ofSeconds(10),
          () -> !monitor.latest().processes().isEmpty() && !monitor.probes().isEmpty());
      assertThat(monitor.latest().host()).isEmpty();
      assertThat(monitor.latest().processes().get(0).up()).isTrue();
      assertThat(monitor.probes().get(0).up()).isTrue();
    }
    assertThat(source.calls("cpuTicks") + source.calls("memory") + source.calls("mounts")).isZero();
  }

  @Test
  void samples_every_interval_in_the_background_and_survives_a_failing_sample() throws Exception {
    source.failingCpuTicks.set(1);
    HostMonitor monitor = HostMonitor.start(config("interval: 1s"), () -> source);
    try {
      Await.until(
          "two samples after the failed one",
          Duration.ofSeconds(20),
          () -> source.calls("cpuTicks") >= 3 && monitor.latest().host().isPresent());
    } finally {
      monitor.close();
    }
    int samples = source.calls("cpuTicks");
    Thread.sleep(2_500);
    assertThat(source.calls("cpuTicks")).as("no sampling after close").isEqualTo(samples);
  }

  @Test
  void where_oshi_cannot_start_probes_still_run() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HostMonitor monitor =
            HostMonitor.start(
                config(
                    "probes: [{target: t, url: \"tcp://127.0.0.1:%d\"}]"
                        .formatted(listener.getLocalPort())),
                () -> {
                  throw new UnsatisfiedLinkError("no native access in this test");
                })) {
      Await.until("a probe", Duration.ofSeconds(10), () -> !monitor.probes().isEmpty());
      assertThat(monitor.probes().get(0).up()).isTrue();
      assertThat(monitor.latest()).isEqualTo(HostSnapshot.EMPTY);
    }
  }

  @Test
  void the_sources_and_the_state_dir_are_the_watched_paths() throws Exception {
    MlmonConfig config = config("enabled: true");
    assertThat(HostMonitor.watchedPaths(config))
        .containsExactly(dir.resolve("logs/p*.jsonl"), dir.resolve("state"));
  }
}
