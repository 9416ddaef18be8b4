package io.mlmon.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sampling of the host, of the model-server process and of its health endpoint. */
public record HostConfig(
    boolean enabled, Duration interval, List<ProcessConfig> processes, List<ProbeConfig> probes) {

  public HostConfig {
    Objects.requireNonNull(interval, "interval");
    processes = List.copyOf(processes);
    probes = List.copyOf(probes);
  }

  /** A model-server process, found by a regular expression on its command line or a pid file. */
  public record ProcessConfig(String name, Optional<Pattern> match, Optional<Path> pidFile) {
    public ProcessConfig {
      Objects.requireNonNull(name, "name");
      if (match.isPresent() == pidFile.isPresent()) {
        throw new IllegalArgumentException("a process needs exactly one of match and pid_file");
      }
    }
  }

  /**
   * A health endpoint: {@code http(s)://…} is fetched with GET, {@code tcp://host:port} connected.
   */
  public record ProbeConfig(String target, URI url, Duration interval, Duration timeout) {
    public ProbeConfig {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(timeout, "timeout");
    }
  }
}
