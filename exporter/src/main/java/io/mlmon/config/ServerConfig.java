package io.mlmon.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where the HTTP server listens, and the optional exporter-toolkit web config (TLS, auth). */
public record ServerConfig(String host, int port, Optional<Path> webConfig) {
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
