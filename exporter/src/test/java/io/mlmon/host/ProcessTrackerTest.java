package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlmon.config.HostConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a serving process is found and followed, against a fake process table. */
class ProcessTrackerTest {
  @TempDir Path dir;

  private final FakeHostSource source = new FakeHostSource();

  private static ProcessInfo proc(int pid, long start, String commandLine) {
    return new ProcessInfo(pid, start, commandLine, 1.5, 10_000_000, 3);
  }

  private HostSampler sampler(ProcessConfig... processes) {
    HostConfig config =
        new HostConfig(false, Duration.ofSeconds(10), List.of(processes), List.of());
    return new HostSampler(source, config, List.of());
  }

  private static ProcessConfig match(String regex) {
    return new ProcessConfig("server", Optional.of(Pattern.compile(regex)), Optional.empty());
  }

  private static Optional<ProcessInfo> found(HostSnapshot s) {
    return s.processes().get(0).process();
  }

  @Test
  void the_process_table_is_scanned_only_when_the_known_process_has_gone() {
    source.run(proc(100, 1_000, "python -m uvicorn app:api --port 8080"));
    HostSampler sampler = sampler(match("uvicorn"));
    for (int i = 0; i < 20; i++) {
      assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(100);
    }
    assertThat(source.calls("processes")).as("one scan to find it, then pid checks").isEqualTo(1);
    source.kill(100);
    source.run(proc(200, 5_000, "python -m uvicorn app:api --port 8080"));
    assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(200);
    assertThat(source.calls("processes")).as("rescanned on the sample that lost it").isEqualTo(2);
  }

  @Test
  void a_pid_reused_by_another_process_is_not_taken_for_the_server() {
    source.run(proc(100, 1_000, "gunicorn app:api"));
    HostSampler sampler = sampler(match("gunicorn"));
    assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(100);
    source.run(proc(100, 9_000, "bash")); // same pid, later start: something else now
    assertThat(found(sampler.sample())).isEmpty();
    source.run(proc(100, 9_500, "gunicorn app:api")); // restarted with the same pid
    assertThat(found(sampler.sample()).orElseThrow().startTimeMillis()).isEqualTo(9_500);
  }

  @Test
  void of_several_matching_processes_the_oldest_is_followed_and_mlmon_itself_never() {
    source.self = 50;
    source.run(proc(50, 1, "java -jar mlmon.jar run --config serving.yml"));
    source.run(proc(301, 3_000, "gunicorn: worker [app:api]"));
    source.run(proc(300, 2_000, "gunicorn: master [app:api]"));
    source.run(proc(299, 3_000, "gunicorn: worker [app:api]"));
    HostSampler sampler = sampler(match("serving|gunicorn"));
    assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(300);
    source.kill(300);
    assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(299);
    source.kill(299);
    source.kill(301);
    assertThat(found(sampler.sample())).as("mlmon's own command line matches").isEmpty();
  }

  @Test
  void a_missing_process_is_looked_for_every_sample_at_first_then_only_on_slow_samples() {
    HostSampler sampler = sampler(match("never-matches"));
    int samples = 4 * HostSampler.SLOW_EVERY;
    int expectedScans = 0;
    for (int i = 0; i < samples; i++) {
      boolean slow = sampler.nextIsSlow();
      if (i < ProcessTracker.EAGER_RETRIES || slow) {
        expectedScans++;
      }
      assertThat(found(sampler.sample())).isEmpty();
    }
    assertThat(source.calls("processes")).isEqualTo(expectedScans);
    assertThat(expectedScans).isLessThan(samples);
  }

  @Test
  void several_trackers_share_one_scan_per_sample() {
    HostSampler sampler =
        sampler(
            new ProcessConfig("a", Optional.of(Pattern.compile("aaa")), Optional.empty()),
            new ProcessConfig("b", Optional.of(Pattern.compile("bbb")), Optional.empty()));
    HostSnapshot s = sampler.sample();
    assertThat(s.processes()).extracting(ProcessSample::name).containsExactly("a", "b");
    assertThat(source.calls("processes")).isEqualTo(1);
  }

  @Test
  void a_pid_file_is_read_again_every_sample_and_never_needs_a_scan() throws Exception {
    Path pidFile = dir.resolve("server.pid");
    HostSampler sampler =
        sampler(new ProcessConfig("server", Optional.empty(), Optional.of(pidFile)));
    assertThat(found(sampler.sample())).as("no pid file yet").isEmpty();
    source.run(proc(400, 1_000, "model-server"));
    Files.writeString(pidFile, "400\n");
    assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(400);
    source.kill(400);
    assertThat(found(sampler.sample())).as("stale pid file").isEmpty();
    source.run(proc(401, 2_000, "model-server"));
    Files.writeString(pidFile, "401\n");
    assertThat(found(sampler.sample())).map(ProcessInfo::pid).hasValue(401);
    Files.writeString(pidFile, "not a pid\n");
    assertThat(found(sampler.sample())).isEmpty();
    assertThat(source.calls("processes")).isZero();
  }
}
