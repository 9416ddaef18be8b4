package io.mlmon.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlmon run}: the sidecar, until SIGTERM; then it flushes and exits 0. */
@Command(
    name = "run",
    description = "Tail the configured sources and serve /metrics until stopped (SIGTERM: exit 0).")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    if (!Signals.onTerminate(stop::countDown)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    }
    Exporter exporter = Exporter.start(EarlyLoad.config(config));
    try {
      stop.await();
      LOG.info("stopping");
    } finally {
      exporter.close();
    }
    return 0;
  }
}
