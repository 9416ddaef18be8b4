package io.mlmon.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS and basic authentication for every endpoint, read from a file in the format of the Prometheus
 * exporter-toolkit web config, so one file serves node_exporter and mlmon alike.
 */
public record WebConfig(
    Path file, Optional<Tls> tls, Map<String, String> basicAuthUsers, Map<String, String> headers) {

  public WebConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(tls, "tls");
    basicAuthUsers = Map.copyOf(basicAuthUsers);
    headers = Map.copyOf(headers);
  }

  /** Who must present a client certificate, as exporter-toolkit names it. */
  public enum ClientAuth {
    NO_CLIENT_CERT("NoClientCert"),
    REQUEST_CLIENT_CERT("RequestClientCert"),
    REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert"),
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven"),
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert");

    private final String toolkitName;

    ClientAuth(String toolkitName) {
      this.toolkitName = toolkitName;
    }

    public String toolkitName() {
      return toolkitName;
    }

    public boolean verifies() {
      return this == VERIFY_CLIENT_CERT_IF_GIVEN || this == REQUIRE_AND_VERIFY_CLIENT_CERT;
    }
  }

  /**
   * {@code tls_server_config}: the certificate and key (a file, or inline PEM), client
   * certificates, protocol versions (Java names: TLSv1.2, TLSv1.3), IANA cipher suite names and
   * named groups (Java names: secp256r1, x25519).
   */
  public record Tls(
      Pem certificate,
      Pem key,
      ClientAuth clientAuth,
      Optional<Pem> clientCa,
      String minVersion,
      Optional<String> maxVersion,
      List<String> cipherSuites,
      List<String> namedGroups,
      boolean preferServerCipherSuites,
      List<String> clientAllowedSans) {
    public Tls {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(clientAuth, "clientAuth");
      Objects.requireNonNull(clientCa, "clientCa");
      Objects.requireNonNull(minVersion, "minVersion");
      Objects.requireNonNull(maxVersion, "maxVersion");
      cipherSuites = List.copyOf(cipherSuites);
      namedGroups = List.copyOf(namedGroups);
      clientAllowedSans = List.copyOf(clientAllowedSans);
    }
  }

  /**
   * PEM text, from a file ({@code *_file}) or given inline; {@code origin} says which, for errors.
   */
  public record Pem(String text, String origin) {
    public Pem {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(origin, "origin");
    }
  }
}
