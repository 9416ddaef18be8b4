package io.mlmon.host;

import io.mlmon.config.HostConfig.ProbeConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes one target, blocking the calling thread for at most about the probe's timeout: an HTTP GET
 * (up on 2xx and 3xx; redirects are not followed) or, for {@code tcp://host:port}, a TCP connect.
 * An answer that comes after the timeout counts as down. One thread at a time per prober.
 */
final class Prober {
  private final ProbeConfig config;
  private final HttpClient http;
  private final boolean tcp;
  private long attempts;

  /**
   * @param http the client for HTTP(S) probes; not used (may be null) for a {@code tcp://} target
   */
  Prober(ProbeConfig config, HttpClient http) {
    this.config = config;
    this.tcp = isTcp(config);
    if (!tcp && http == null) {
      throw new IllegalArgumentException("an HTTP probe needs an HttpClient: " + config.url());
    }
    this.http = http;
  }

  static boolean isTcp(ProbeConfig config) {
    return "tcp".equals(config.url().getScheme().toLowerCase(Locale.ROOT));
  }

  ProbeConfig config() {
    return config;
  }

  ProbeResult probe() {
    long start = System.nanoTime();
    Outcome outcome = tcp ? connect() : get();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new ProbeResult(config.target(), outcome.up, seconds, ++attempts, outcome.detail);
  }

  private record Outcome(boolean up, String detail) {}

  private Outcome connect() {
    String host = config.url().getHost();
    int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, config.timeout().toMillis()));
    try (Socket socket = new Socket()) {
      InetSocketAddress address = new InetSocketAddress(host, config.url().getPort());
      if (address.isUnresolved()) {
        return new Outcome(false, "unknown host " + host);
      }
      socket.connect(address, timeoutMillis);
      return new Outcome(true, "connected");
    } catch (SocketTimeoutException e) {
      return new Outcome(false, "no connection within " + config.timeout().toMillis() + " ms");
    } catch (IOException e) {
      return new Outcome(false, describe(e));
    }
  }

  private Outcome get() {
    HttpRequest request =
        HttpRequest.newBuilder(config.url())
            .GET()
            .timeout(config.timeout())
            .header("User-Agent", "mlmon-probe")
            .build();
    CompletableFuture<HttpResponse<Void>> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      int status = response.get(config.timeout().toNanos(), TimeUnit.NANOSECONDS).statusCode();
      return new Outcome(status >= 200 && status < 400, "HTTP " + status);
    } catch (TimeoutException e) {
      response.cancel(true);
      return new Outcome(false, "no answer within " + config.timeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        return new Outcome(false, "no answer within " + config.timeout().toMillis() + " ms");
      }
      return new Outcome(false, describe(cause));
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
