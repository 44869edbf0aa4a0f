package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST example over real HTTP on the loopback interface, with the JDK's HTTP client. */
class DealEventsServerTests {
  static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  private final JsonMapper json = JsonExample.jackson3(SalesCatalog.fiveStep());
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private DealEngine engine;
  private DealEventsServer server;

  @BeforeEach
  void start() throws IOException {
    engine = DealEngine.tableEngine().process(SalesCatalog.fiveStep()).build();
    engine.start("D-42", SalesCatalog.FIVE_STEP);
    server = DealEventsServer.start(engine, json, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    server.close();
    engine.close();
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(server.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String qualification(boolean authorityConfirmed) {
    return json.writeValueAsString(new SalesEvent.QualificationAssessed(MONDAY, BantAssessment.builder()
        .budget(new BigDecimal("50000"), true).authority(authorityConfirmed, 2).painPoints("manual invoicing")
        .decisionBy(LocalDate.parse("2026-06-30")).build()));
  }

  void contact() throws Exception {
    assertThat(post("/deals/D-42/events", "{\"type\":\"contact-made\",\"occurredAt\":\"2026-03-02T08:00:00Z\","
        + "\"channel\":\"phone\"}").statusCode()).isEqualTo(200);
  }

  @Test
  void firesTheEventInTheBodyAndAnswersWithTheAcceptedResult() throws Exception {
    contact();
    HttpResponse<String> response = post("/deals/D-42/events", qualification(true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(response.body()).startsWith("{\"accepted\":true,\"transition\":{\"version\":2,"
        + "\"from\":\"qualification\",\"to\":\"presentation\",\"event\":{\"type\":\"qualification-assessed\"");
    FireResult result = json.readValue(response.body(), FireResult.class);
    assertThat(result).isEqualTo(new FireResult.Accepted(engine.get("D-42"), engine.get("D-42").lastTransition()
        .orElseThrow()));
  }

  @Test
  void answersARejectionWith422AndEveryReason() throws Exception {
    contact();
    HttpResponse<String> response = post("/deals/D-42/events", qualification(false));

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("accepted").asBoolean()).isFalse();
    assertThat(body.get("kind").asString()).isEqualTo("guard-denied");
    assertThat(body.get("reasons").get(0).asString()).contains("authority");
    assertThat(json.readValue(response.body(), FireResult.class)).isInstanceOf(FireResult.Rejected.class);
    assertThat(engine.get("D-42").stage()).isEqualTo("qualification");
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAppliedOnce() throws Exception {
    String event = "{\"type\":\"follow-up-logged\",\"occurredAt\":\"2026-03-02T10:00:00Z\",\"channel\":\"email\","
        + "\"outcome\":\"no-response\"}";
    contact();
    HttpResponse<String> first = post("/deals/D-42/events", event, "Idempotency-Key", "req-1");
    HttpResponse<String> retry = post("/deals/D-42/events", event, "Idempotency-Key", "req-1");

    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(engine.get("D-42").facts().followUps().count()).isEqualTo(1);
  }

  @Test
  void answersBadJsonAnUnknownEventTypeAndAnUnknownDealWithWhatIsWrong() throws Exception {
    HttpResponse<String> unknownType = post("/deals/D-42/events",
        "{\"type\":\"qualification-asessed\",\"occurredAt\":\"2026-03-02T09:00:00Z\"}");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknownType.body()).get("error").asString())
        .contains("unknown event type 'qualification-asessed'");

    HttpResponse<String> badValue = post("/deals/D-42/events",
        "{\"type\":\"contact-made\",\"occurredAt\":\"2026-03-02T09:00:00Z\",\"channel\":\"fax\"}");
    assertThat(badValue.statusCode()).isEqualTo(400);
    assertThat(badValue.body()).contains("'fax' is not a contact channel");

    assertThat(post("/deals/D-42/events", "{\"type\":").statusCode()).isEqualTo(400);

    HttpResponse<String> unknownDeal = post("/deals/D-9/events", "{\"type\":\"contact-made\","
        + "\"occurredAt\":\"2026-03-02T09:00:00Z\",\"channel\":\"phone\"}");
    assertThat(unknownDeal.statusCode()).isEqualTo(404);
    assertThat(unknownDeal.body()).contains("D-9");

    assertThat(post("/deals/D-42/events", "x".repeat(DealEventsServer.MAX_BODY_BYTES + 1)).statusCode())
        .isEqualTo(413);
    assertThat(get("/deals/D-42/events").statusCode()).isEqualTo(405);
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void servesTheDealAndTheProcessViewForUserInterfaces() throws Exception {
    contact();
    HttpResponse<String> deal = get("/deals/D-42");
    assertThat(deal.statusCode()).isEqualTo(200);
    assertThat(json.readValue(deal.body(), Deal.class)).isEqualTo(engine.get("D-42"));
    assertThat(engine.get("D-42").facts().contactChannels()).containsExactly(ContactChannel.PHONE);

    HttpResponse<String> process = get("/processes/five-step");
    assertThat(process.statusCode()).isEqualTo(200);
    JsonNode view = json.readTree(process.body());
    assertThat(view.get("initialStage").asString()).isEqualTo("prospecting");
    assertThat(view.get("transitions").valueStream().anyMatch(t -> t.has("guard"))).isTrue();
    assertThat(get("/processes/nine-step").statusCode()).isEqualTo(404);
  }
}
