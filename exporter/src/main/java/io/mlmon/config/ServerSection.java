package io.mlmon.config;

import java.util.Optional;
import java.util.Set;

/** Reads {@code server:}: listen address, web config (TLS, basic auth), open health checks. */
final class ServerSection {
  private ServerSection() {}

  static ServerConfig read(YamlNode node, ConfigPaths paths) {
    node.checkMapping(Set.of("listen", "web_config", "health_without_auth"));
    String host = "0.0.0.0";
    int port = ServerConfig.DEFAULT_PORT;
    YamlNode listen = node.child("listen");
    Optional<String> text = listen.optionalString();
    if (text.isPresent()) {
      String s = text.get().strip();
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        listen.problem("must be host:port, e.g. 0.0.0.0:10910, not \"" + s + "\"");
      } else {
        String h = s.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) {
          h = h.substring(1, h.length() - 1);
        }
        host = h.isEmpty() ? "0.0.0.0" : h;
        try {
          port = Integer.parseInt(s.substring(colon + 1));
          if (port < 0 || port > 65535) {
            listen.problem("port must be between 0 and 65535, not " + port);
            port = ServerConfig.DEFAULT_PORT;
          }
        } catch (NumberFormatException e) {
          listen.problem("port is not a number in \"" + s + "\"");
        }
      }
    }
    YamlNode webNode = node.child("web_config");
    Optional<WebConfig> web =
        paths.existingFile(webNode).flatMap(file -> WebConfigLoader.load(webNode, file));
    boolean healthOpen = node.child("health_without_auth").bool(false);
    return new ServerConfig(host, port, web, healthOpen);
  }
}
