package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion within a deadline and captures its output (stdout and stderr). */
final class Command {
  private Command() {}

  /** Exit status and combined output of a finished program. */
  record Result(List<String> command, int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }

    /** For assertion messages: what ran, how it ended, what it said. */
    String describe() {
      return String.join(" ", command) + "\nexit status " + exitCode + "\n" + output;
    }
  }

  static Result run(Path dir, Duration timeout, Object... command) {
    List<String> cmd = new ArrayList<>();
    for (Object part : command) {
      cmd.add(part.toString());
    }
    Path out = null;
    Process process = null;
    try {
      out = Files.createTempFile("mlmon-command", ".log");
      process =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return fail(
            "%s did not finish within %s; output so far:%n%s",
            String.join(" ", cmd), timeout, Files.readString(out));
      }
      return new Result(List.copyOf(cmd), process.exitValue(), Files.readString(out));
    } catch (IOException e) {
      return fail("cannot run " + String.join(" ", cmd) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted while running " + String.join(" ", cmd), e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
