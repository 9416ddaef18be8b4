package io.mlmon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigLoaderTest {
  @TempDir Path dir;

  private MlmonConfig load(String web) throws Exception {
    Files.writeString(dir.resolve("web.yml"), web);
    return new ConfigLoader()
        .parse("server: {web_config: web.yml}\nsources: [{path: a}]\n", dir, "mlmon.yml");
  }

  private List<String> problems(String web) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(web));
    assertThat(e).isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void reads_the_exporter_toolkit_format() throws Exception {
    Files.writeString(dir.resolve("c.crt"), "CERT");
    Files.writeString(dir.resolve("c.key"), "KEY");
    Files.writeString(dir.resolve("ca.crt"), "CA");
    WebConfig web =
        load("""
                tls_server_config:
                  cert_file: c.crt
                  key_file: c.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.crt
                  min_version: TLS13
                  cipher_suites: [TLS_AES_128_GCM_SHA256]
                  curve_preferences: [X25519, CurveP256]
                http_server_config:
                  http2: true
                  headers: {Strict-Transport-Security: max-age=31536000}
                basic_auth_users:
                  alice: $2y$10$mDwo.lAisC94iLAyP81MCesa29IzH37oigHC/42V2pdJlUprsJPze
                """)
            .server()
            .webConfig()
            .orElseThrow();
    WebConfig.Tls tls = web.tls().orElseThrow();
    assertThat(tls.certificate().text()).isEqualTo("CERT");
    assertThat(tls.key().origin()).isEqualTo(dir.resolve("c.key").toString());
    assertThat(tls.clientAuth()).isEqualTo(WebConfig.ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT);
    assertThat(tls.clientCa().orElseThrow().text()).isEqualTo("CA");
    assertThat(tls.minVersion()).isEqualTo("TLSv1.3");
    assertThat(tls.namedGroups()).containsExactly("x25519", "secp256r1");
    assertThat(web.headers()).containsKey("Strict-Transport-Security");
    assertThat(web.basicAuthUsers()).containsOnlyKeys("alice");
  }

  @Test
  void problems_name_the_web_config_and_the_key_inside_it() {
    assertThat(
            problems(
                """
                tls_server_config: {cert_file: missing.crt, min_version: SSL3, colour: red}
                basic_auth_users: {bob: plaintext}
                extra: 1
                """))
        .containsExactlyInAnyOrder(
            "server.web_config: web.yml: extra: unknown key (expected one of basic_auth_users,"
                + " http_server_config, tls_server_config)",
            "server.web_config: web.yml: tls_server_config.colour: unknown key (expected one of"
                + " cert, cert_file, cipher_suites, client_allowed_sans, client_auth_type,"
                + " client_ca, client_ca_file, curve_preferences, key, key_file, max_version,"
                + " min_version, prefer_server_cipher_suites)",
            "server.web_config: web.yml: tls_server_config.cert_file: cannot read "
                + dir.resolve("missing.crt"),
            "server.web_config: web.yml: tls_server_config: needs key_file (or key) for TLS",
            "server.web_config: web.yml: tls_server_config.min_version: must be one of TLS10,"
                + " TLS11, TLS12, TLS13, not \"SSL3\"",
            "server.web_config: web.yml: basic_auth_users.bob: not a bcrypt hash (expected"
                + " $2y$<cost>$…, e.g. from htpasswd -nBC 10)");
  }

  @Test
  void verifying_client_certificates_needs_a_ca() {
    assertThat(
            problems(
                "tls_server_config: {cert: x, key: y, client_auth_type: RequireAndVerifyClientCert}"))
        .containsExactly(
            "server.web_config: web.yml: tls_server_config.client_ca_file: is required with"
                + " client_auth_type RequireAndVerifyClientCert");
  }
}
