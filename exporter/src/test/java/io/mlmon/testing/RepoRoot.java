package io.mlmon.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root, found from wherever the tests run (Maven runs them in {@code exporter/}, an
 * IDE often at the root): the nearest folder upwards with {@code exporter/pom.xml} and {@code
 * alertmanager/}. The system property {@code mlmon.repo.root} overrides the search.
 */
public final class RepoRoot {
  private static final Path ROOT = find();

  private RepoRoot() {}

  public static Path get() {
    return ROOT;
  }

  public static Path resolve(String relative) {
    return ROOT.resolve(relative);
  }

  private static Path find() {
    String override = System.getProperty("mlmon.repo.root");
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath().normalize();
    }
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("exporter/pom.xml"))
          && Files.isDirectory(p.resolve("alertmanager"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root (a folder with exporter/pom.xml and alertmanager/) above "
            + start
            + "; set -Dmlmon.repo.root");
  }
}
