package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The programs the bundle tests run. They are Debian packages that {@code ./run-tests} installs; a
 * missing one fails the test (it is never skipped).
 */
final class Tools {
  private Tools() {}

  static Path promtool() {
    return find("prometheus", "promtool");
  }

  static Path prometheus() {
    return find("prometheus", "prometheus");
  }

  static Path alertmanager() {
    return find("prometheus-alertmanager", "prometheus-alertmanager", "alertmanager");
  }

  static Path amtool() {
    return find("prometheus-alertmanager", "amtool");
  }

  static Path dockerCompose() {
    return find("docker-compose", "docker-compose");
  }

  private static Path find(String debianPackage, String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return fail(
        "%s is not on the PATH: ./run-tests installs it (Debian package %s)",
        String.join(" or ", names), debianPackage);
  }
}
