package io.mlmon.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Small HTTP GETs against the servers of the end-to-end tests. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  /** The status and body, or empty when the server does not answer. */
  static Optional<HttpResponse<String>> get(URI uri) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
      return Optional.of(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static boolean ok(URI uri) {
    return get(uri).map(r -> r.statusCode() == 200).orElse(false);
  }

  /** The parsed JSON body of a GET; throws with the body when the status is not 200. */
  static JsonNode json(URI uri) {
    HttpResponse<String> r =
        get(uri).orElseThrow(() -> new IllegalStateException("no answer from " + uri));
    try {
      JsonNode body = Yaml.JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "HTTP " + r.statusCode() + " from " + uri + ": " + r.body());
      }
      return body;
    } catch (IOException e) {
      throw new IllegalStateException("not JSON from " + uri + ": " + r.body(), e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
