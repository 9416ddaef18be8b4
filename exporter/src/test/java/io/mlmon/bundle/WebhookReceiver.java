package io.mlmon.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the pager and the ticket queue: records every notification Alertmanager posts
 * (webhook JSON at /page and /ticket, PagerDuty events at /pagerduty), and answers /health for the
 * exporter's health probe.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One POST: where it arrived and its JSON body. */
  record Notification(String path, JsonNode body) {
    /** The alerts of a webhook notification (Alertmanager's webhook format). */
    List<JsonNode> alerts() {
      return Yaml.items(body.path("alerts"));
    }
  }

  private final HttpServer server;
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  static WebhookReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/", receiver::handle);
    server.start();
    return receiver;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      int status = 200;
      if (exchange.getRequestMethod().equals("POST")) {
        try {
          received.add(new Notification(path, Yaml.JSON.readTree(body)));
        } catch (IOException e) {
          status = 400;
        }
      }
      byte[] answer =
          path.equals("/pagerduty")
              ? "{\"status\":\"success\",\"message\":\"Event processed\"}"
                  .getBytes(StandardCharsets.UTF_8)
              : "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(
          path.equals("/pagerduty") && status == 200 ? 202 : status, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  List<Notification> at(String path) {
    List<Notification> out = new ArrayList<>();
    for (Notification n : received) {
      if (n.path().equals(path)) {
        out.add(n);
      }
    }
    return out;
  }

  /** The firing alerts named {@code alertname} that reached {@code path}. */
  List<JsonNode> firing(String path, String alertname) {
    List<JsonNode> out = new ArrayList<>();
    for (Notification n : at(path)) {
      for (JsonNode a : n.alerts()) {
        if (a.path("labels").path("alertname").asText().equals(alertname)
            && a.path("status").asText().equals("firing")) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** Every alert name any receiver got, for failure messages and "never reached" checks. */
  List<String> summary() {
    List<String> out = new ArrayList<>();
    for (Notification n : received) {
      if (n.path().equals("/pagerduty")) {
        out.add(n.path() + " " + n.body().path("payload").path("summary").asText());
      } else {
        for (JsonNode a : n.alerts()) {
          out.add(
              n.path()
                  + " "
                  + a.path("labels").path("alertname").asText()
                  + " "
                  + a.path("status").asText());
        }
      }
    }
    return out;
  }

  /** Whether any receiver ever got an alert named {@code alertname}. */
  boolean everReceived(String alertname) {
    for (Notification n : received) {
      if (n.body().toString().contains(alertname)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
