package io.salesflow.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.salesflow.SalesEvent;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * A REST endpoint for deals on the JDK's own HTTP server, so that the examples need no web framework; the same three
 * lines of JSON handling fit a Spring MVC controller or a JAX-RS resource.
 *
 * <ul>
 *   <li>{@code POST /deals/{id}/events} fires the event in the body, such as {@code {"type":"qualification-assessed",
 *       ...}}, and answers with the {@link FireResult} as JSON: 200 when accepted, 422 when rejected (the body says
 *       why). An {@code Idempotency-Key} header makes a retried request return the first answer, applied once.
 *   <li>{@code GET /deals/{id}} answers with the deal, its facts and history.
 *   <li>{@code GET /processes/{id}} answers with the process's read-only view: stages, transitions, guard labels.
 * </ul>
 *
 * <p>Malformed JSON, an unknown event type or a bad value answer 400, an unknown deal or process 404, each with a
 * body {@code {"status": ..., "error": "..."}} that says what is wrong.
 */
public final class DealEventsServer implements AutoCloseable {
  /** The largest request body read; an event is a few hundred bytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Pattern DEAL_EVENTS = Pattern.compile("/deals/([^/]+)/events");
  private static final Pattern DEAL = Pattern.compile("/deals/([^/]+)");
  private static final Pattern PROCESS = Pattern.compile("/processes/([^/]+)");

  private final DealEngine engine;
  private final ObjectMapper json;
  private final HttpServer server;
  private final ExecutorService executor;

  private DealEventsServer(DealEngine engine, ObjectMapper json, HttpServer server, ExecutorService executor) {
    this.engine = engine;
    this.json = json;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving.
   *
   * @param engine the engine whose deals the endpoint fires events at
   * @param json a mapper with the Salesflow module, reading the event types of the engine's processes
   * @param address where to listen; port 0 picks a free one (see {@link #uri()})
   * @return the running server; close it to stop
   * @throws IOException if the address cannot be bound
   */
  public static DealEventsServer start(DealEngine engine, ObjectMapper json, InetSocketAddress address)
      throws IOException {
    Objects.requireNonNull(engine, "engine must not be null");
    Objects.requireNonNull(json, "json must not be null");
    HttpServer server = HttpServer.create(Objects.requireNonNull(address, "address must not be null"), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
      Thread thread = new Thread(runnable, "deal-events-http");
      thread.setDaemon(true);
      return thread;
    });
    DealEventsServer endpoint = new DealEventsServer(engine, json, server, executor);
    server.createContext("/", endpoint::handle);
    server.setExecutor(executor);
    server.start();
    return endpoint;
  }

  /** {@return the server's base address, such as {@code http://127.0.0.1:52731/}} */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
  }

  /** Stops accepting requests and ends the server's threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher events = DEAL_EVENTS.matcher(path);
      Matcher deal = DEAL.matcher(path);
      Matcher process = PROCESS.matcher(path);
      if (events.matches()) {
        if (allowed(exchange, "POST")) {
          fire(exchange, events.group(1));
        }
      } else if (deal.matches()) {
        if (allowed(exchange, "GET")) {
          send(exchange, 200, json.writeValueAsBytes(engine.get(deal.group(1))));
        }
      } else if (process.matches()) {
        if (allowed(exchange, "GET")) {
          send(exchange, 200, json.writeValueAsBytes(engine.process(process.group(1))));
        }
      } else {
        error(exchange, 404, "no resource at " + method + " " + path
            + "; try POST /deals/{id}/events, GET /deals/{id} or GET /processes/{id}");
      }
    } catch (JacksonException e) {
      error(exchange, 400, e.getOriginalMessage());
    } catch (UnknownDealException | UnknownProcessException e) {
      error(exchange, 404, e.getMessage());
    } catch (IllegalArgumentException e) {
      error(exchange, 400, e.getMessage());
    } finally {
      exchange.close();
    }
  }

  private void fire(HttpExchange exchange, String dealId) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      error(exchange, 413, "the event is larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    // tag::rest-fire[]
    SalesEvent event = json.readValue(body, SalesEvent.class); // {"type":"qualification-assessed", ...}
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    FireResult result = key == null ? engine.fire(dealId, event) : engine.fire(dealId, event, key);
    send(exchange, result.isAccepted() ? 200 : 422, json.writeValueAsBytes(result));
    // end::rest-fire[]
  }

  private boolean allowed(HttpExchange exchange, String method) throws IOException {
    if (exchange.getRequestMethod().equals(method)) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", method);
    error(exchange, 405, exchange.getRequestMethod() + " is not allowed here; use " + method);
    return false;
  }

  private void error(HttpExchange exchange, int status, String message) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("status", status);
    problem.put("error", message);
    send(exchange, status, json.writeValueAsBytes(problem));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
