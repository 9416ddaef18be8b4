package io.mlmon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlmon.bundle.PrometheusServer;
import io.mlmon.cli.Exporter;
import io.mlmon.config.ConfigLoader;
import io.mlmon.testing.Await;
import io.mlmon.testing.Http;
import io.mlmon.testing.SelfSignedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and basic auth from an exporter-toolkit web config: the same file node_exporter reads.
 * Clients and Prometheus itself talk to a real server on loopback.
 */
class TlsAndAuthTest {
  @TempDir static Path dir;
  static SelfSignedCertificate cert;
  static HttpClient tlsClient;

  @BeforeAll
  static void certificate() throws Exception {
    cert = new SelfSignedCertificate("mlmon-test");
    cert.writeCertificate(dir.resolve("mlmon.crt"));
    cert.writeKey(dir.resolve("mlmon.key"));
    tlsClient =
        HttpClient.newBuilder()
            .sslContext(cert.trustingContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    String hash = OpenBSDBCrypt.generate("2y", "s3cret".toCharArray(), salt, 10);
    Files.writeString(
        dir.resolve("web.yml"),
        """
        tls_server_config:
          cert_file: mlmon.crt
          key_file: mlmon.key
          min_version: TLS12
        http_server_config:
          headers:
            X-Content-Type-Options: nosniff
        basic_auth_users:
          prometheus: '%s'
        """
            .formatted(hash));
    Files.writeString(dir.resolve("p.jsonl"), "{\"model\":\"fraud\"}\n");
  }

  private Exporter start(String extraServer) throws Exception {
    Path config = dir.resolve("mlmon-" + System.nanoTime() + ".yml");
    Files.writeString(
        config,
        "server: {listen: \"127.0.0.1:0\", web_config: web.yml"
            + extraServer
            + "}\nstate_dir: state-"
            + System.nanoTime()
            + "\nsources: [{path: p.jsonl, start_at: beginning}]\n");
    return Exporter.start(new ConfigLoader().load(config));
  }

  private static HttpResponse<String> get(String url, String user, String password)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return tlsClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void without_credentials_401_with_them_200_over_tls() throws Exception {
    try (Exporter exporter = start("")) {
      String base = "https://127.0.0.1:" + exporter.port();
      HttpResponse<String> anonymous = get(base + "/metrics", null, null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(get(base + "/metrics", "prometheus", "wrong").statusCode()).isEqualTo(401);
      assertThat(get(base + "/metrics", "nobody", "s3cret").statusCode()).isEqualTo(401);
      HttpResponse<String> ok = get(base + "/metrics", "prometheus", "s3cret");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("mlmon_build_info");
      assertThat(ok.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(get(base + "/metrics", "prometheus", "s3cret").statusCode())
          .as("remembered credentials still pass")
          .isEqualTo(200);
      for (String path : new String[] {"/", "/-/healthy", "/-/ready"}) {
        assertThat(get(base + path, null, null).statusCode()).as(path).isEqualTo(401);
      }
    }
  }

  @Test
  void plain_http_to_the_tls_port_fails() throws Exception {
    try (Exporter exporter = start("")) {
      String plain = "http://127.0.0.1:" + exporter.port() + "/metrics";
      boolean failed;
      try {
        failed = Http.get(plain).statusCode() != 200;
      } catch (RuntimeException e) {
        failed = true;
      }
      assertThat(failed).isTrue();
    }
  }

  @Test
  void health_endpoints_may_stay_open_when_configured_so() throws Exception {
    try (Exporter exporter = start(", health_without_auth: true")) {
      String base = "https://127.0.0.1:" + exporter.port();
      assertThat(get(base + "/-/healthy", null, null).statusCode()).isEqualTo(200);
      Await.until(
          "ready",
          Duration.ofSeconds(10),
          () -> {
            try {
              return get(base + "/-/ready", null, null).statusCode() == 200;
            } catch (IOException | InterruptedException e) {
              return false;
            }
          });
      assertThat(get(base + "/metrics", null, null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void prometheus_scrapes_the_tls_and_auth_endpoint() throws Exception {
    try (Exporter exporter = start("")) {
      String config =
          """
          global: {scrape_interval: 1s}
          scrape_configs:
            - job_name: mlmon
              scheme: https
              tls_config: {ca_file: %s}
              basic_auth: {username: prometheus, password: s3cret}
              static_configs: [{targets: ["127.0.0.1:%d"]}]
          """
              .formatted(dir.resolve("mlmon.crt"), exporter.port());
      try (PrometheusServer prometheus = PrometheusServer.startWith(dir.resolve("prom"), config)) {
        Await.until(
            "Prometheus scraped mlmon over TLS with basic auth",
            Duration.ofSeconds(60),
            () -> {
              var result = prometheus.query("up{job=\"mlmon\"}");
              return result.size() == 1 && result.get(0).path("value").get(1).asText().equals("1");
            });
        assertThat(prometheus.query("mlmon_build_info").size()).isEqualTo(1);
      }
    }
  }

  @Test
  void a_key_that_is_no_key_is_a_config_error() throws Exception {
    Files.writeString(
        dir.resolve("bad.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    Files.writeString(
        dir.resolve("bad-web.yml"),
        "tls_server_config: {cert_file: mlmon.crt, key_file: bad.key}\n");
    Path config = dir.resolve("bad.yml");
    Files.writeString(
        config,
        "server: {listen: \"127.0.0.1:0\", web_config: bad-web.yml}\nsources: [{path: p.jsonl}]\n");
    assertThatThrownBy(() -> Exporter.start(new ConfigLoader().load(config)))
        .hasMessageStartingWith("server.web_config: ")
        .hasMessageContaining("bad.key");
  }
}
