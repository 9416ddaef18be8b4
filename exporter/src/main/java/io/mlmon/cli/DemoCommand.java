package io.mlmon.cli;

import com.sun.net.httpserver.HttpServer;
import io.mlmon.config.ConfigException;
import io.mlmon.config.ConfigLoader;
import io.mlmon.config.MlmonConfig;
import io.mlmon.demo.DemoTraffic;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlmon demo}: a simulated fraud model's traffic written to a temporary log, the exporter
 * running on it, the URLs printed. Ctrl-C stops both and removes the temporary files.
 */
@Command(
    name = "demo",
    description =
        "Run the embedded demo: simulated fraud-model traffic (delayed chargebacks, errors,"
            + " latency spikes, a drift episode after 3 minutes) and the exporter watching it.")
final class DemoCommand implements Callable<Integer> {
  private static final int REFERENCE_ROWS = 20_000;
  private static final long REFERENCE_SEED = 7;
  private static final long TRAFFIC_SEED = 42;

  @Option(
      names = "--port",
      defaultValue = "10910",
      description = "HTTP port (default ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = "--speed",
      defaultValue = "1",
      description = "run the scenario this many times faster (default ${DEFAULT-VALUE})")
  double speed;

  @Option(
      names = "--listen-host",
      defaultValue = "127.0.0.1",
      description = "address to serve on (default ${DEFAULT-VALUE}; 0.0.0.0 to share)")
  String host;

  @Option(
      names = "--write-only",
      paramLabel = "LOG",
      description =
          "only append the simulated traffic to LOG, as a model server would (for the"
              + " docker-compose stack, where mlmon runs in its own container)")
  Path writeOnly;

  @Option(
      names = "--write-reference",
      paramLabel = "CSV",
      description = "write the model's reference training rows to CSV and exit")
  Path writeReference;

  @Override
  public Integer call() throws Exception {
    if (!(speed > 0 && speed <= 1000)) {
      throw new UserError("--speed must be greater than 0 and at most 1000", 2);
    }
    if (writeReference != null) {
      DemoTraffic.writeReference(writeReference, REFERENCE_ROWS, REFERENCE_SEED);
      return 0;
    }
    CountDownLatch stop = new CountDownLatch(1);
    if (!Signals.onTerminate(stop::countDown)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    }
    if (writeOnly != null) {
      DemoTraffic traffic =
          new DemoTraffic(writeOnly, speed, TRAFFIC_SEED, System::currentTimeMillis);
      Thread writer = new Thread(traffic, "mlmon-demo-traffic");
      writer.start();
      System.err.printf("mlmon demo: writing a fraud model's traffic to %s%n", writeOnly);
      stop.await();
      traffic.stop();
      writer.join(2000);
      return 0;
    }
    try (Running demo = Running.start(host, port, speed)) {
      String base =
          "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + demo.exporter().port();
      System.out.printf(
          "%nmlmon demo: a fraud model's traffic is being written to %s%n"
              + "  landing page  %s/%n"
              + "  metrics       %s/metrics%n"
              + "  drift report  %s/api/v1/drift%n"
              + "Drift starts after %.0f seconds. Ctrl-C stops the demo and removes its files.%n%n",
          demo.log(), base, base, base, io.mlmon.demo.FraudSimulator.DRIFT_START_SECONDS / speed);
      stop.await();
      return 0;
    }
  }

  /**
   * A demo running in this process: the traffic writer, the stand-in model server and the exporter
   * on a temporary directory. {@link #close()} stops them all and removes the directory. Tests
   * start one the same way the command does.
   */
  static final class Running implements AutoCloseable {
    private final Path dir;
    private final HttpServer modelServer;
    private DemoTraffic traffic;
    private Thread writer;
    private Exporter exporter;

    private Running(Path dir, HttpServer modelServer) {
      this.dir = dir;
      this.modelServer = modelServer;
    }

    /** Starts a demo serving on {@code host:port} (port 0: any free one) at {@code speed}. */
    static Running start(String host, int port, double speed) throws IOException {
      Path dir = Files.createTempDirectory("mlmon-demo-");
      Running demo = null;
      try {
        demo = new Running(dir, modelServer());
        Path reference = dir.resolve("fraud-reference.csv");
        DemoTraffic.writeReference(reference, REFERENCE_ROWS, REFERENCE_SEED);
        Files.writeString(dir.resolve("model-server.pid"), ProcessHandle.current().pid() + "\n");
        MlmonConfig config = config(dir, host, port, demo.modelServer.getAddress().getPort());
        demo.traffic = new DemoTraffic(demo.log(), speed, TRAFFIC_SEED, System::currentTimeMillis);
        demo.writer = new Thread(demo.traffic, "mlmon-demo-traffic");
        demo.writer.setDaemon(true);
        demo.writer.start();
        demo.exporter = Exporter.start(config);
        return demo;
      } catch (IOException | RuntimeException e) {
        if (demo != null) {
          demo.close();
        } else {
          deleteRecursively(dir);
        }
        throw e;
      }
    }

    Exporter exporter() {
      return exporter;
    }

    Path log() {
      return dir.resolve("predictions.jsonl");
    }

    @Override
    public void close() throws IOException {
      try {
        if (traffic != null) {
          traffic.stop();
          writer.join(2000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (exporter != null) {
          exporter.close();
        }
        modelServer.stop(0);
        deleteRecursively(dir);
      }
    }
  }

  private static MlmonConfig config(Path dir, String host, int port, int modelServerPort) {
    String yaml =
        """
        server: {listen: "%s:%d"}
        state_dir: state
        sources: [{name: predictions, path: predictions.jsonl, start_at: beginning}]
        models: [{name: fraud, reference: fraud-reference.csv, threshold: 0.5}]
        drift: {interval: 5s, window: {max_samples: 2000, max_age: 10m}, min_samples: 200}
        labels: {ttl: 1d}
        host:
          processes: [{name: model-server, pid_file: model-server.pid}]
          probes: [{target: model-server, url: "http://127.0.0.1:%d/health", interval: 5s}]
        """
            .formatted(host, port, modelServerPort);
    try {
      Files.writeString(dir.resolve("mlmon.yml"), yaml);
      return new ConfigLoader().parse(yaml, dir, "mlmon.yml");
    } catch (ConfigException | IOException e) {
      throw new IllegalStateException("the demo's own config is invalid: " + e.getMessage(), e);
    }
  }

  /** Stands in for the model server's health endpoint, so the demo shows probes too. */
  private static HttpServer modelServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
