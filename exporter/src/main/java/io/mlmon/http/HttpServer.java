package io.mlmon.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.mlmon.config.ServerConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;

/** The HTTP endpoints of cli-and-config.md on Javalin; started and stopped by the caller. */
public final class HttpServer implements AutoCloseable {
  private final Javalin app;
  private final ServerConfig config;

  public HttpServer(
      ServerConfig config, PrometheusRegistry registry, Readiness readiness, LandingPage landing) {
    this.config = config;
    MetricsEndpoint metrics = new MetricsEndpoint(registry);
    this.app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              // /metrics compresses itself when asked; nothing else is large enough to bother.
              c.http.compressionStrategy = CompressionStrategy.NONE;
              c.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
              c.routes.get("/metrics", metrics::handle);
              c.routes.get("/-/healthy", ctx -> ctx.result("Healthy\n"));
              c.routes.get("/-/ready", ctx -> ready(ctx, readiness));
              c.routes.get("/", landing::handle);
            });
  }

  private static void ready(Context ctx, Readiness readiness) {
    Optional<String> reason = readiness.notReadyBecause();
    if (reason.isEmpty()) {
      ctx.result("Ready\n");
    } else {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("Not ready: " + reason.get() + "\n");
    }
  }

  public HttpServer start() {
    app.start(config.host(), config.port());
    return this;
  }

  /** The port actually bound (useful when the config asks for port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
