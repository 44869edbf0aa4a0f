package io.salesflow.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example application over real HTTP, as the README shows it: start a deal, fire events, get a 422 with the
 * reasons for a rejected one and a 404 for an unknown deal, ask what blocks the deal, read the funnel. One
 * application context for every test, on H2 in memory instead of the file the application properties name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:example-app;DB_CLOSE_DELAY=-1")
class DealsApplicationTests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CONTACT =
      "{\"type\":\"contact-made\",\"occurredAt\":\"2026-11-02T09:00:00Z\",\"channel\":\"phone\"}";
  private final HttpClient client = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  record Answer(int status, String contentType, JsonNode json) {}

  Answer send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
        JSON.readTree(response.body()));
  }

  Answer post(String path, String body) throws IOException, InterruptedException {
    return send("POST", path, body);
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  @Test
  void startsADealFiresEventsAndExplainsWhatBlocksIt() throws Exception {
    Answer started = post("/deals", "{\"id\":\"D-42\",\"process\":\"five-step\"}");
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().path("stage").asString()).isEqualTo("prospecting");

    Answer contact = post("/deals/D-42/events", CONTACT);
    assertThat(contact.status()).isEqualTo(200);
    assertThat(contact.contentType()).startsWith("application/json");
    assertThat(contact.json().path("accepted").asBoolean()).isTrue();
    assertThat(contact.json().path("transition").path("from").asString()).isEqualTo("prospecting");
    assertThat(contact.json().path("transition").path("to").asString()).isEqualTo("qualification");
    assertThat(contact.json().path("deal").path("version").asLong()).isEqualTo(1);

    Answer followUp = post("/deals/D-42/events", "{\"type\":\"follow-up-logged\",\"occurredAt\":"
        + "\"2026-11-02T10:00:00Z\",\"channel\":\"email\",\"outcome\":\"no-response\"}");
    assertThat(followUp.status()).isEqualTo(200);
    assertThat(followUp.json().path("transition").path("internal").asBoolean()).isTrue();

    Answer explain = get("/deals/D-42/explain");
    assertThat(explain.status()).isEqualTo(200);
    List<String> blocked = new ArrayList<>();
    explain.json().forEach(option -> {
      if (!option.path("allowed").asBoolean()) {
        blocked.add(option.path("event").asString() + ": " + option.path("unmetConditions").toString());
      }
    });
    assertThat(blocked).anySatisfy(line -> assertThat(line).startsWith("qualification-assessed: ")
        .contains("authority: no decision-maker identified"));
  }

  @Test
  void answers422WithTheReasonsOfARejectedEvent() throws Exception {
    post("/deals", "{\"id\":\"D-43\",\"process\":\"five-step\"}");
    Answer rejected = post("/deals/D-43/events", "{\"type\":\"closed-lost\",\"occurredAt\":"
        + "\"2026-11-02T09:00:00Z\",\"reason\":\"no-response\",\"detail\":\"never answered\"}");
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
    assertThat(rejected.json().path("kind").asString()).isEqualTo("GUARD_DENIED");
    assertThat(rejected.json().path("reasons").toString()).contains("follow-ups: 0 of 5");
    assertThat(get("/deals/D-43").json().path("version").asLong()).isZero();
  }

  @Test
  void answers404ForAnUnknownDealAnd400ForAnUnreadableEvent() throws Exception {
    Answer unknown = post("/deals/D-none/events", CONTACT);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("title").asString()).isEqualTo("Unknown deal");

    post("/deals", "{\"id\":\"D-44\",\"process\":\"five-step\"}");
    Answer unreadable = post("/deals/D-44/events", CONTACT.replace("phone", "pigeon"));
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.contentType()).startsWith("application/problem+json");
    assertThat(get("/deals/D-44").json().path("version").asLong()).isZero();
  }

  @Test
  void readsTheFunnelOfAProcess() throws Exception {
    post("/deals", "{\"id\":\"D-45\",\"process\":\"eight-step\"}");
    post("/deals", "{\"id\":\"D-46\",\"process\":\"eight-step\"}");
    post("/deals/D-46/events", "{\"type\":\"prospect-identified\",\"occurredAt\":\"2026-11-02T09:00:00Z\","
        + "\"attributes\":{}}");

    Answer funnel = get("/processes/eight-step/funnel");
    assertThat(funnel.status()).isEqualTo(200);
    assertThat(funnel.json().path("deals").asInt()).isEqualTo(2);
    assertThat(funnel.json().path("open").asInt()).isEqualTo(2);
    JsonNode prospecting = funnel.json().path("stages").get(0);
    assertThat(prospecting.path("stage").asString()).isEqualTo("prospecting");
    assertThat(prospecting.path("entered").asInt()).isEqualTo(2);
    assertThat(prospecting.path("advanced").asInt()).isEqualTo(1);
  }

  @Test
  void returnsTheFirstResultForARetryWithTheSameIdempotencyKey() throws Exception {
    post("/deals", "{\"id\":\"D-47\",\"process\":\"five-step\"}");
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/deals/D-47/events"))
        .header("Content-Type", "application/json").header("Idempotency-Key", "req-1")
        .POST(HttpRequest.BodyPublishers.ofString(CONTACT)).build();
    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(get("/deals/D-47").json().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void showsSalesflowOnTheActuator() throws Exception {
    assertThat(get("/actuator/health").json().path("components").path("salesflow").path("status").asString())
        .isEqualTo("UP");
    assertThat(get("/actuator/metrics/salesflow.deals.started").status()).isEqualTo(200);
  }
}
