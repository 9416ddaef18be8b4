package io.mlmon.host;

import io.mlmon.config.HostConfig.ProcessConfig;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Follows one configured serving process from sample to sample.
 *
 * <p>With {@code pid_file}, the file is read again every sample, so a restart that rewrites it is
 * followed at once and no process table is needed. With {@code match}, the process found last is
 * checked by its pid alone (cheap), and the whole process table is scanned only when that process
 * has gone or its pid now belongs to another process: a restart is picked up on the sample that
 * notices it. While no process matches, the scan is repeated on each of the next {@link
 * #EAGER_RETRIES} samples, then only on slow samples, so a pattern that never matches does not cost
 * a scan every interval.
 *
 * <p>When several processes match, the oldest is followed (the master of a pre-forking server such
 * as gunicorn, or the first of several); mlmon's own process never matches.
 */
final class ProcessTracker {
  static final int EAGER_RETRIES = HostSampler.SLOW_EVERY;

  private static final Comparator<ProcessInfo> OLDEST_FIRST =
      Comparator.comparingLong(ProcessInfo::startTimeMillis).thenComparingInt(ProcessInfo::pid);

  private final String name;
  private final Optional<Pattern> match;
  private final Optional<Path> pidFile;
  private ProcessInfo current;
  private int samplesMissing;

  ProcessTracker(ProcessConfig config) {
    this.name = config.name();
    this.match = config.match();
    this.pidFile = config.pidFile();
  }

  /**
   * The process for this entry now. {@code table} scans every process (at most once per sample,
   * shared by all trackers); {@code slow} says whether this is a slow sample.
   */
  ProcessSample sample(
      HostSource source, Supplier<List<ProcessInfo>> table, int selfPid, boolean slow) {
    Optional<ProcessInfo> found =
        pidFile.isPresent()
            ? byPidFile(source, pidFile.get())
            : byMatch(source, table, selfPid, slow);
    return new ProcessSample(name, found);
  }

  private static Optional<ProcessInfo> byPidFile(HostSource source, Path file) {
    OptionalInt pid = PidFile.read(file);
    return pid.isPresent() ? source.process(pid.getAsInt()) : Optional.empty();
  }

  private Optional<ProcessInfo> byMatch(
      HostSource source, Supplier<List<ProcessInfo>> table, int selfPid, boolean slow) {
    Pattern pattern = match.orElseThrow();
    if (current != null) {
      Optional<ProcessInfo> now = source.process(current.pid());
      if (now.isPresent() && now.get().sameProcessAs(current) && matches(pattern, now.get())) {
        current = now.get();
        return now;
      }
      current = null;
      samplesMissing = 0;
    }
    if (samplesMissing < EAGER_RETRIES || slow) {
      Optional<ProcessInfo> oldest =
          table.get().stream()
              .filter(p -> p.pid() != selfPid && matches(pattern, p))
              .min(OLDEST_FIRST);
      if (oldest.isPresent()) {
        current = oldest.get();
        samplesMissing = 0;
        return oldest;
      }
    }
    samplesMissing++;
    return Optional.empty();
  }

  private static boolean matches(Pattern pattern, ProcessInfo p) {
    return !p.commandLine().isEmpty() && pattern.matcher(p.commandLine()).find();
  }
}
