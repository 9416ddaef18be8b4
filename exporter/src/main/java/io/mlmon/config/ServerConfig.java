package io.mlmon.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP server listens, the optional exporter-toolkit web config (TLS, basic auth), and
 * whether the health endpoints stay open without credentials (for orchestrator probes).
 */
public record ServerConfig(
    String host, int port, Optional<WebConfig> webConfig, boolean healthWithoutAuth) {
  public static final int DEFAULT_PORT = 10910;

  public ServerConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(webConfig, "webConfig");
  }

  public String listen() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
