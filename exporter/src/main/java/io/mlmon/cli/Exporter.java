package io.mlmon.cli;

import io.javalin.util.JavalinBindException;
import io.mlmon.config.MlmonConfig;
import io.mlmon.config.WebConfig;
import io.mlmon.host.HostMonitor;
import io.mlmon.http.DriftApi;
import io.mlmon.http.HealthCheck;
import io.mlmon.http.HttpServer;
import io.mlmon.http.LandingPage;
import io.mlmon.metrics.BuildInfo;
import io.mlmon.metrics.DriftMetrics;
import io.mlmon.metrics.HostMetrics;
import io.mlmon.metrics.IngestMetrics;
import io.mlmon.metrics.JvmSampler;
import io.mlmon.metrics.ModelMetrics;
import io.mlmon.monitor.DriftReport;
import io.mlmon.monitor.IngestSnapshot;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sidecar, wired from a config: the ingest thread, the metrics registry and the HTTP
 * server. The composition root of {@code mlmon run}; tests start it in-process on a free port.
 */
public final class Exporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

  private final Pipeline pipeline;
  private final Thread ingestThread;
  private final HttpServer http;
  private final HostMonitor host;
  private final JvmSampler jvm;

  private Exporter(
      Pipeline pipeline, Thread ingestThread, HttpServer http, HostMonitor host, JvmSampler jvm) {
    this.pipeline = pipeline;
    this.ingestThread = ingestThread;
    this.http = http;
    this.host = host;
    this.jvm = jvm;
  }

  /** Starts ingest and the HTTP server; throws {@link UserError} when the port is taken. */
  public static Exporter start(MlmonConfig config) {
    String version = Version.get();
    Pipeline pipeline = new Pipeline(config, Pipeline.Mode.RUN);
    PrometheusRegistry registry = new PrometheusRegistry();
    JvmSampler jvm = JvmSampler.start();
    registry.register(jvm);
    registerModelMetrics(registry, pipeline.loop::latest, pipeline.drift::latest, version);
    HostMonitor host = HostMonitor.start(config);
    registry.register(new HostMetrics(host::latest, host::probes));
    Thread ingest = new Thread(pipeline.loop, "mlmon-ingest");
    ingest.start();
    HealthCheck readiness = () -> notReady(pipeline);
    HealthCheck liveness = () -> pipeline.loop.failure().map(e -> "ingest stopped: " + e);
    HttpServer http;
    try {
      http =
          new HttpServer(
              config.server(),
              registry,
              liveness,
              readiness,
              new LandingPage(
                  version,
                  pipeline.loop::latest,
                  pipeline.drift::latest,
                  host::latest,
                  host::probes,
                  config.drift(),
                  pipeline.monitor.references()),
              new DriftApi(pipeline.drift::latest));
    } catch (IllegalArgumentException e) {
      stopQuietly(pipeline, ingest);
      host.close();
      jvm.close();
      throw new UserError("server.web_config: " + e.getMessage(), 2);
    }
    try {
      http.start();
    } catch (JavalinBindException e) {
      stopQuietly(pipeline, ingest);
      host.close();
      jvm.close();
      throw new UserError("cannot listen on " + config.server().listen() + ": address in use", 1);
    }
    LOG.info(
        "mlmon {} serving {}://{}:{}/metrics",
        version,
        config.server().webConfig().flatMap(WebConfig::tls).isPresent() ? "https" : "http",
        config.server().host(),
        http.port());
    return new Exporter(pipeline, ingest, http, host, jvm);
  }

  /** The collectors shared by {@code run} and {@code replay}: everything but JVM metrics. */
  static void registerModelMetrics(
      PrometheusRegistry registry,
      Supplier<IngestSnapshot> snapshot,
      Supplier<DriftReport> drift,
      String version) {
    registry.register(new BuildInfo(version));
    registry.register(new IngestMetrics(snapshot));
    registry.register(new ModelMetrics(snapshot));
    registry.register(new DriftMetrics(snapshot, drift));
  }

  private static Optional<String> notReady(Pipeline pipeline) {
    if (pipeline.loop.latest() == IngestSnapshot.EMPTY) {
      return Optional.of("starting");
    }
    List<String> closed = pipeline.loop.sourcesNotOpen();
    if (!closed.isEmpty()) {
      return Optional.of("no file open yet for source " + String.join(", ", closed));
    }
    return Optional.empty();
  }

  public int port() {
    return http.port();
  }

  public IngestSnapshot latest() {
    return pipeline.loop.latest();
  }

  /** Stops serving, lets ingest finish its current poll, and closes the files. */
  @Override
  public void close() {
    http.close();
    host.close();
    jvm.close();
    stopQuietly(pipeline, ingestThread);
  }

  private static void stopQuietly(Pipeline pipeline, Thread ingest) {
    try {
      if (!pipeline.loop.stop(10_000)) {
        LOG.warn("ingest did not stop within 10 s");
      }
      ingest.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pipeline.close();
  }
}
