package io.salesflow.spring.boot.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP to the application under test, and its JSON answers read back. */
final class Http {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  Http(int port) {
    this.base = "http://localhost:" + port;
  }

  /** An answer: its status, content type and JSON body. */
  record Answer(int status, String contentType, JsonNode json) {
    String text(String field) {
      return json.path(field).asText();
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  Answer post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
