package io.mlmon.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Paths in a config: relative ones resolve against the config file's folder. */
final class ConfigPaths {
  private final Path baseDir;

  ConfigPaths(Path baseDir) {
    this.baseDir = baseDir;
  }

  Path resolve(String relative) {
    return baseDir.resolve(relative);
  }

  Optional<Path> path(YamlNode node) {
    return node.parsed(
        text -> {
          try {
            return baseDir.resolve(text).normalize();
          } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + text);
          }
        });
  }

  /** A path that must name a readable file. */
  Optional<Path> existingFile(YamlNode node) {
    Optional<Path> p = path(node);
    if (p.isPresent() && !Files.isRegularFile(p.get())) {
      node.problem("file not found: " + p.get());
      return Optional.empty();
    }
    if (p.isPresent() && !Files.isReadable(p.get())) {
      node.problem("file not readable: " + p.get());
      return Optional.empty();
    }
    return p;
  }
}
