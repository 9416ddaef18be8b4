package io.mlmon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlmon.config.WebConfig.ClientAuth;
import io.mlmon.config.WebConfig.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an exporter-toolkit web config ({@code tls_server_config}, {@code http_server_config},
 * {@code basic_auth_users}). Problems are reported under the key that names the file ({@code
 * server.web_config}) with the path inside it; relative paths resolve against the web config's
 * folder, as exporter-toolkit does.
 */
final class WebConfigLoader {
  private static final Pattern BCRYPT =
      Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
  private static final Map<String, String> VERSIONS =
      Map.of("TLS10", "TLSv1", "TLS11", "TLSv1.1", "TLS12", "TLSv1.2", "TLS13", "TLSv1.3");

  /** Go's curve names (crypto/tls) to Java's named groups. */
  private static final Map<String, String> CURVES =
      Map.of(
          "CurveP256", "secp256r1",
          "CurveP384", "secp384r1",
          "CurveP521", "secp521r1",
          "X25519", "x25519");

  private WebConfigLoader() {}

  static Optional<WebConfig> load(YamlNode at, Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      at.problem("cannot read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = YamlTree.read(text);
    } catch (JsonProcessingException e) {
      at.problem(
          file.getFileName()
              + ":"
              + (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ": ")
              + "invalid YAML");
      return Optional.empty();
    }
    List<ConfigProblem> local = new ArrayList<>();
    YamlNode top = new YamlNode(root, "", local);
    top.checkMapping(Set.of("tls_server_config", "http_server_config", "basic_auth_users"));
    Path dir = file.toAbsolutePath().getParent();
    Optional<WebConfig.Tls> tls = tls(top.child("tls_server_config"), dir);
    Map<String, String> users = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> user : top.child("basic_auth_users").entries()) {
      String hash = user.getValue().requiredString();
      if (!hash.isBlank() && !BCRYPT.matcher(hash).matches()) {
        user.getValue()
            .problem("not a bcrypt hash (expected $2y$<cost>$…, e.g. from htpasswd -nBC 10)");
      } else if (!hash.isBlank()) {
        users.put(user.getKey(), hash);
      }
    }
    YamlNode http = top.child("http_server_config");
    http.checkMapping(Set.of("http2", "headers"));
    http.child("http2").bool(true);
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> h : http.child("headers").entries()) {
      headers.put(h.getKey(), h.getValue().requiredString());
    }
    for (ConfigProblem p : local) {
      at.problem(file.getFileName() + ": " + p);
    }
    if (!local.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new WebConfig(file, tls, users, headers));
  }

  private static Optional<WebConfig.Tls> tls(YamlNode node, Path dir) {
    if (!node.checkMapping(
        Set.of(
            "cert_file",
            "key_file",
            "cert",
            "key",
            "client_auth_type",
            "client_ca_file",
            "client_ca",
            "min_version",
            "max_version",
            "cipher_suites",
            "curve_preferences",
            "prefer_server_cipher_suites",
            "client_allowed_sans"))) {
      return Optional.empty();
    }
    Optional<Pem> cert = pem(node, "cert", dir);
    Optional<Pem> key = pem(node, "key", dir);
    if (cert.isEmpty() && !hasEither(node, "cert")) {
      node.problem("needs cert_file (or cert) for TLS");
    }
    if (key.isEmpty() && !hasEither(node, "key")) {
      node.problem("needs key_file (or key) for TLS");
    }
    ClientAuth clientAuth = ClientAuth.NO_CLIENT_CERT;
    YamlNode authNode = node.child("client_auth_type");
    String auth = authNode.string(ClientAuth.NO_CLIENT_CERT.toolkitName());
    boolean known = false;
    for (ClientAuth c : ClientAuth.values()) {
      if (c.toolkitName().equals(auth)) {
        clientAuth = c;
        known = true;
      }
    }
    if (!known) {
      authNode.problem("unknown client_auth_type \"" + auth + "\"");
    }
    Optional<Pem> clientCa = pem(node, "client_ca", dir);
    if (clientAuth.verifies() && clientCa.isEmpty() && !hasEither(node, "client_ca")) {
      node.child("client_ca_file").problem("is required with client_auth_type " + auth);
    }
    String min = version(node.child("min_version"), "TLS12");
    Optional<String> max =
        node.child("max_version").isMissing()
            ? Optional.empty()
            : Optional.of(version(node.child("max_version"), "TLS13"));
    List<String> suites = strings(node.child("cipher_suites"));
    List<String> groups = new ArrayList<>();
    YamlNode curves = node.child("curve_preferences");
    for (YamlNode c : curves.items()) {
      String name = c.string("");
      String group = CURVES.get(name);
      if (group == null) {
        c.problem(
            "unknown curve \"" + name + "\" (one of " + String.join(", ", CURVES.keySet()) + ")");
      } else {
        groups.add(group);
      }
    }
    boolean prefer = node.child("prefer_server_cipher_suites").bool(true);
    List<String> sans = strings(node.child("client_allowed_sans"));
    if (cert.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new WebConfig.Tls(
            cert.get(), key.get(), clientAuth, clientCa, min, max, suites, groups, prefer, sans));
  }

  private static boolean hasEither(YamlNode node, String name) {
    return !node.child(name).isMissing() || !node.child(name + "_file").isMissing();
  }

  /** {@code <name>_file} (a path) or {@code <name>} (inline PEM), not both. */
  private static Optional<Pem> pem(YamlNode node, String name, Path dir) {
    YamlNode inline = node.child(name);
    YamlNode fileNode = node.child(name + "_file");
    if (!inline.isMissing() && !fileNode.isMissing()) {
      node.problem("give " + name + " or " + name + "_file, not both");
      return Optional.empty();
    }
    if (!inline.isMissing()) {
      return Optional.of(new Pem(inline.requiredString(), node.path() + "." + name));
    }
    if (fileNode.isMissing()) {
      return Optional.empty();
    }
    String text = fileNode.requiredString();
    if (text.isBlank()) {
      return Optional.empty();
    }
    Path path = dir.resolve(text).normalize();
    try {
      return Optional.of(new Pem(Files.readString(path), path.toString()));
    } catch (IOException e) {
      fileNode.problem("cannot read " + path);
      return Optional.empty();
    }
  }

  private static String version(YamlNode node, String defaultName) {
    String name = node.string(defaultName);
    String java = VERSIONS.get(name);
    if (java == null) {
      node.problem("must be one of TLS10, TLS11, TLS12, TLS13, not \"" + name + "\"");
      return VERSIONS.get(defaultName);
    }
    return java;
  }

  private static List<String> strings(YamlNode node) {
    List<String> out = new ArrayList<>();
    for (YamlNode item : node.items()) {
      out.add(item.requiredString());
    }
    return out;
  }
}
