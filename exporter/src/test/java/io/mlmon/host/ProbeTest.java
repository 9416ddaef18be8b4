package io.mlmon.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mlmon.config.HostConfig.ProbeConfig;
import io.mlmon.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP and TCP probes against servers the test runs on 127.0.0.1. */
class ProbeTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private final AtomicInteger status = new AtomicInteger(200);
  private final CountDownLatch releaseSlowAnswers = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    releaseSlowAnswers.countDown();
    if (server != null) {
      server.stop(0);
    }
    serverThreads.shutdownNow();
  }

  /** A health endpoint at /health answering {@link #status}, and /slow answering only late. */
  private String startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext(
        "/health",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/elsewhere");
          exchange.sendResponseHeaders(status.get(), -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            releaseSlowAnswers.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static ProbeConfig probe(String url, Duration interval, Duration timeout) {
    return new ProbeConfig("model-server", URI.create(url), interval, timeout);
  }

  private static ProbeResult once(String url) {
    return new Prober(probe(url, Duration.ofSeconds(15), Duration.ofSeconds(5)), HTTP).probe();
  }

  private static int freePortNobodyListensOn() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void a_2xx_answer_is_up_with_its_round_trip_time() throws Exception {
    String base = startServer();
    ProbeResult r = once(base + "/health");
    assertThat(r.up()).isTrue();
    assertThat(r.detail()).isEqualTo("HTTP 200");
    assertThat(r.durationSeconds()).isPositive().isLessThan(5.0);
    assertThat(r.target()).isEqualTo("model-server");
    assertThat(r.attempt()).isEqualTo(1);
  }

  @Test
  void a_3xx_answer_is_up_without_following_it_and_4xx_5xx_are_down() throws Exception {
    String base = startServer();
    status.set(302);
    assertThat(once(base + "/health"))
        .extracting(ProbeResult::up, ProbeResult::detail)
        .containsExactly(true, "HTTP 302");
    status.set(404);
    assertThat(once(base + "/health").up()).isFalse();
    status.set(503);
    assertThat(once(base + "/health"))
        .extracting(ProbeResult::up, ProbeResult::detail)
        .containsExactly(false, "HTTP 503");
  }

  @Test
  void a_server_that_answers_after_the_timeout_is_down() throws Exception {
    String base = startServer();
    Duration timeout = Duration.ofMillis(300);
    Prober prober = new Prober(probe(base + "/slow", Duration.ofSeconds(1), timeout), HTTP);
    ProbeResult r = prober.probe();
    assertThat(r.up()).isFalse();
    assertThat(r.detail()).isEqualTo("no answer within 300 ms");
    assertThat(r.durationSeconds()).isGreaterThanOrEqualTo(0.3);
  }

  @Test
  void nothing_listening_is_down() throws Exception {
    ProbeResult r = once("http://127.0.0.1:" + freePortNobodyListensOn() + "/health");
    assertThat(r.up()).isFalse();
    assertThat(r.detail()).isEqualTo("connection refused");
  }

  @Test
  void scheduled_probes_report_up_and_the_first_probe_after_the_server_stops_reports_down()
      throws Exception {
    String base = startServer();
    Duration interval = Duration.ofMillis(200);
    try (Probes probes =
        Probes.start(List.of(probe(base + "/health", interval, Duration.ofMillis(150))))) {
      Await.until(
          "a successful probe",
          Duration.ofSeconds(10),
          () -> probes.latest().size() == 1 && probes.latest().get(0).up());
      long attemptsBeforeStop = probes.latest().get(0).attempt();
      server.stop(0);
      server = null;
      // attempt + 1 may have started before the stop; attempt + 2 started after it
      Await.until(
          "a probe started after the server stopped",
          Duration.ofSeconds(10),
          () -> probes.latest().get(0).attempt() >= attemptsBeforeStop + 2);
      ProbeResult r = probes.latest().get(0);
      assertThat(r.up()).as("%s", r).isFalse();
      assertThat(r.durationSeconds()).isNotNegative();
    }
  }

  @Test
  void a_tcp_probe_is_up_while_something_accepts_connections_and_down_after() throws Exception {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    String url = "tcp://127.0.0.1:" + listener.getLocalPort();
    Prober prober = new Prober(probe(url, Duration.ofSeconds(1), Duration.ofSeconds(1)), null);
    ProbeResult up;
    try (listener) {
      up = prober.probe();
    }
    assertThat(up.up()).isTrue();
    assertThat(up.detail()).isEqualTo("connected");
    assertThat(up.durationSeconds()).isPositive().isLessThan(1.0);
    ProbeResult down = prober.probe();
    assertThat(down.up()).isFalse();
    assertThat(down.detail()).isEqualTo("connection refused");
    assertThat(down.attempt()).isEqualTo(2);
  }

  @Test
  void closing_the_probes_stops_their_threads() throws Exception {
    String base = startServer();
    Probes probes =
        Probes.start(
            List.of(
                probe(base + "/slow", Duration.ofMillis(500), Duration.ofMillis(500)),
                new ProbeConfig(
                    "tcp",
                    URI.create("tcp://127.0.0.1:" + freePortNobodyListensOn()),
                    Duration.ofMillis(100),
                    Duration.ofMillis(100))));
    Await.until("both probed", Duration.ofSeconds(10), () -> probes.latest().size() == 2);
    assertThat(probes.stopped()).isFalse();
    probes.close();
    assertThat(probes.stopped()).isTrue();
  }
}
