package io.mlmon.config;

import io.mlmon.config.HostConfig.ProbeConfig;
import io.mlmon.config.HostConfig.ProcessConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code host:}: host sampling, serving processes and health probes. */
final class HostSection {
  private HostSection() {}

  static HostConfig read(YamlNode node, ConfigPaths paths) {
    node.checkMapping(Set.of("enabled", "interval", "processes", "probes"));
    boolean enabled = node.child("enabled").bool(true);
    Duration interval =
        node.child("interval").duration(Duration.ofSeconds(10), Duration.ofSeconds(1));
    List<ProcessConfig> processes = new ArrayList<>();
    Set<String> processNames = new HashSet<>();
    for (YamlNode item : node.child("processes").items()) {
      if (!item.checkMapping(Set.of("name", "match", "pid_file"))) {
        if (item.isMissing()) {
          item.problem("must be a mapping {name, match} or {name, pid_file}");
        }
        continue;
      }
      String name = item.child("name").requiredString();
      if (!name.isBlank() && !processNames.add(name)) {
        item.child("name").problem("duplicate process name \"" + name + "\"");
      }
      Optional<Pattern> match =
          item.child("match")
              .parsed(
                  regex -> {
                    try {
                      return Pattern.compile(regex);
                    } catch (PatternSyntaxException e) {
                      throw new IllegalArgumentException(
                          "not a valid regular expression: " + e.getDescription());
                    }
                  });
      Optional<Path> pidFile = paths.path(item.child("pid_file"));
      boolean hasMatch = !item.child("match").isMissing();
      boolean hasPid = !item.child("pid_file").isMissing();
      if (hasMatch == hasPid) {
        item.problem("needs exactly one of match (a command-line regex) and pid_file");
      } else if (!name.isBlank() && (match.isPresent() || pidFile.isPresent())) {
        processes.add(new ProcessConfig(name, match, pidFile));
      }
    }
    List<ProbeConfig> probes = new ArrayList<>();
    Set<String> targets = new HashSet<>();
    for (YamlNode item : node.child("probes").items()) {
      if (!item.checkMapping(Set.of("target", "url", "interval", "timeout"))) {
        if (item.isMissing()) {
          item.problem("must be a mapping {target, url}");
        }
        continue;
      }
      String target = item.child("target").requiredString();
      if (!target.isBlank() && !targets.add(target)) {
        item.child("target").problem("duplicate probe target \"" + target + "\"");
      }
      YamlNode urlNode = item.child("url");
      String urlText = urlNode.requiredString();
      URI url = urlText.isBlank() ? null : probeUrl(urlNode, urlText);
      Duration every =
          item.child("interval").duration(Duration.ofSeconds(15), Duration.ofMillis(100));
      Duration defaultTimeout =
          every.compareTo(Duration.ofSeconds(5)) < 0 ? every : Duration.ofSeconds(5);
      YamlNode timeoutNode = item.child("timeout");
      Duration timeout = timeoutNode.duration(defaultTimeout, Duration.ofMillis(1));
      if (timeout.compareTo(every) > 0) {
        timeoutNode.problem(
            "must not exceed the probe's interval (" + Durations.format(every) + ")");
      }
      if (url != null && !target.isBlank()) {
        probes.add(new ProbeConfig(target, url, every, timeout));
      }
    }
    return new HostConfig(enabled, interval, processes, probes);
  }

  private static URI probeUrl(YamlNode node, String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!Set.of("http", "https", "tcp").contains(scheme) || uri.getHost() == null) {
        node.problem(
            "must be http://host:port/path, https://… or tcp://host:port, not \"" + text + "\"");
        return null;
      }
      if (scheme.equals("tcp") && uri.getPort() < 0) {
        node.problem("a tcp probe needs a port: tcp://host:port");
        return null;
      }
      return uri;
    } catch (URISyntaxException e) {
      node.problem("not a valid URL: \"" + text + "\"");
      return null;
    }
  }
}
