package io.mlmon.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.mlmon.config.ServerConfig;
import io.mlmon.config.WebConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP endpoints of cli-and-config.md on Javalin, with the TLS and basic authentication of the
 * optional exporter-toolkit web config; started and stopped by the caller.
 */
public final class HttpServer implements AutoCloseable {
  private static final String HEALTHY = "/-/healthy";
  private static final String READY = "/-/ready";

  private final Javalin app;
  private final MetricsEndpoint metrics;
  private final ServerConfig config;

  public HttpServer(
      ServerConfig config,
      PrometheusRegistry registry,
      HealthCheck liveness,
      HealthCheck readiness,
      LandingPage landing,
      DriftApi driftApi) {
    this.config = config;
    this.metrics = new MetricsEndpoint(registry);
    Optional<WebConfig> web = config.webConfig();
    BasicAuth auth = new BasicAuth(web.map(WebConfig::basicAuthUsers).orElse(Map.of()));
    Map<String, String> headers = web.map(WebConfig::headers).orElse(Map.of());
    List<String> allowedSans =
        web.flatMap(WebConfig::tls).map(WebConfig.Tls::clientAllowedSans).orElse(List.of());
    Optional<SslContextFactory.Server> tls =
        web.flatMap(WebConfig::tls).map(TlsSetup::serverFactory);
    this.app =
        Javalin.create(
            c -> {
              c.startup.showJavalinBanner = false;
              c.startup.showOldJavalinVersionWarning = false;
              // /metrics compresses itself when asked; nothing else is large enough to bother.
              c.http.compressionStrategy = CompressionStrategy.NONE;
              c.jetty.modifyHttpConfiguration(h -> h.setSendServerVersion(false));
              tls.ifPresent(
                  ssl ->
                      c.jetty.addConnector(
                          (server, http) -> {
                            // Scrapes address targets by IP; the certificate need not name it.
                            http.addCustomizer(new SecureRequestCustomizer(false));
                            ServerConnector connector =
                                new ServerConnector(
                                    server,
                                    new SslConnectionFactory(ssl, "http/1.1"),
                                    new HttpConnectionFactory(http));
                            connector.setHost(config.host());
                            connector.setPort(config.port());
                            return connector;
                          }));
              c.routes.before(
                  ctx -> {
                    headers.forEach(ctx::header);
                    if (!allowedSans.isEmpty() && !ClientNames.presentsOneOf(ctx, allowedSans)) {
                      throw new ForbiddenResponse("client certificate not allowed");
                    }
                    if (auth.enabled()
                        && !isOpenHealthCheck(ctx)
                        && !auth.allows(ctx.header("Authorization"))) {
                      ctx.header("WWW-Authenticate", "Basic realm=\"mlmon\", charset=\"UTF-8\"");
                      throw new UnauthorizedResponse();
                    }
                  });
              c.routes.get("/metrics", metrics::handle);
              c.routes.get(
                  HEALTHY,
                  ctx -> report(ctx, liveness, "Healthy", HttpStatus.INTERNAL_SERVER_ERROR));
              c.routes.get(
                  READY, ctx -> report(ctx, readiness, "Ready", HttpStatus.SERVICE_UNAVAILABLE));
              c.routes.get("/", landing::handle);
              c.routes.get("/api/v1/drift", driftApi::handle);
            });
  }

  private boolean isOpenHealthCheck(Context ctx) {
    return config.healthWithoutAuth() && (ctx.path().equals(HEALTHY) || ctx.path().equals(READY));
  }

  private static void report(Context ctx, HealthCheck check, String ok, HttpStatus failure) {
    Optional<String> reason = check.failingBecause();
    if (reason.isEmpty()) {
      ctx.result(ok + "\n");
    } else {
      ctx.status(failure)
          .result("Not " + ok.toLowerCase(java.util.Locale.ROOT) + ": " + reason.get() + "\n");
    }
  }

  public HttpServer start() {
    // Before listening: the first scrape of a fresh process would otherwise pay for loading and
    // compiling the exposition code, ~100 ms where later scrapes take a few.
    metrics.warmUp();
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
