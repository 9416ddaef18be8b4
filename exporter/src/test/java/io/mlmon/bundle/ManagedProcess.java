package io.mlmon.bundle;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server the end-to-end tests start (Prometheus, Alertmanager): its output goes to a log file
 * shown when something fails, and {@link #close()} always ends it, forcibly if it must.
 */
final class ManagedProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ManagedProcess start(String name, List<String> command, Path dir, Path log) {
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      p.getOutputStream().close();
      return new ManagedProcess(name, p, log);
    } catch (IOException e) {
      return fail("cannot start " + name + " (" + String.join(" ", command) + "): " + e, e);
    }
  }

  /** A TCP port on the loopback interface that was free a moment ago. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      return fail("no free port: " + e, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the server's output, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "--- last lines of "
          + name
          + " output ("
          + log
          + ") ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output of " + name + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
