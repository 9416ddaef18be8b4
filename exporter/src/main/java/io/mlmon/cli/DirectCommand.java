package io.mlmon.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The two command lines a sidecar and a replay are started with, {@code run --config FILE} and
 * {@code replay --config FILE} (or {@code --config=FILE}), made into their commands without
 * picocli.
 *
 * <p>Why: picocli builds the model of every command from its annotations, by reflection, at each
 * start: ~100 ms of the main thread (its classes are Java 5 class files, which the class-data
 * archive cannot hold), while the config and references load on another thread ({@link EarlyLoad}).
 * Once those loaded faster, picocli was the longer of the two. Every other command line goes to
 * picocli: other commands and options, help, and a file name that picocli would read otherwise
 * (starting with {@code -}, or with {@code @}, which it expands as an argument file) or that is no
 * path (it reports it). For the shapes taken here both give the same result (DirectCommandTest
 * compares them).
 */
final class DirectCommand {
  private static final String CONFIG = "--config";

  private DirectCommand() {}

  /** The command {@code args} run, or null when picocli must read them. */
  static Callable<Integer> of(String[] args) {
    String value;
    if (args.length == 3 && args[1].equals(CONFIG)) {
      value = args[2];
    } else if (args.length == 2 && args[1].startsWith(CONFIG + "=")) {
      value = args[1].substring(CONFIG.length() + 1);
    } else {
      return null;
    }
    if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
      return null;
    }
    Path config;
    try {
      config = Path.of(value);
    } catch (InvalidPathException e) {
      return null;
    }
    switch (args[0]) {
      case "replay" -> {
        ReplayCommand replay = new ReplayCommand();
        replay.config = config;
        return replay;
      }
      case "run" -> {
        RunCommand run = new RunCommand();
        run.config = config;
        return run;
      }
      default -> {
        return null;
      }
    }
  }
}
