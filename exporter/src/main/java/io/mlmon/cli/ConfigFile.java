package io.mlmon.cli;

import io.mlmon.config.ConfigException;
import io.mlmon.config.ConfigLoader;
import io.mlmon.config.ConfigProblem;
import io.mlmon.config.MlmonConfig;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Loads the config for a command, turning every problem into a one-line user error (exit 2). */
final class ConfigFile {
  private ConfigFile() {}

  static MlmonConfig load(Path file) {
    try {
      return new ConfigLoader().load(file);
    } catch (ConfigException e) {
      String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      throw new UserError(
          e.problems().stream()
              .map(p -> describe(name, p))
              .collect(Collectors.joining(System.lineSeparator() + "mlmon: ")),
          2);
    }
  }

  private static String describe(String fileName, ConfigProblem problem) {
    // Problems of the file as a whole (not found, syntax) already say which file and where.
    return problem.path().isEmpty() ? problem.message() : fileName + ": " + problem;
  }
}
