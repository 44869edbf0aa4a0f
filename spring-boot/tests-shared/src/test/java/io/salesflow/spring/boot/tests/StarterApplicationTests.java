package io.salesflow.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.boot.tests.app.DealsApplication;
import io.salesflow.store.jdbc.JdbcDealStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An application with the starter, a database, web and the actuator, and no Salesflow configuration class: it
 * starts, runs deals over real HTTP with JSON answers, answers Salesflow's errors as problem details, and shows its
 * metrics and health on the actuator. Each subclass is one application context (one database, one engine), shared by
 * its tests, which use deal ids of their own.
 */
@SpringBootTest(classes = DealsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "salesflow.catalog.enabled=true",
        "management.endpoints.web.exposure.include=health,metrics",
        "management.endpoint.health.show-details=always"})
abstract class StarterApplicationTests {
  @Value("${local.server.port}")
  int port;

  @Autowired
  DealEngine engine;

  Http http;

  @BeforeEach
  void connect() {
    http = new Http(port);
  }

  /** The engine name this application should run. */
  abstract String expectedEngine();

  @Test
  void runsTheConfiguredEngineOnTheJdbcStore() {
    assertThat(engine.name()).isEqualTo(expectedEngine());
    assertThat(engine.store()).isInstanceOf(JdbcDealStore.class);
    assertThat(engine.processes()).extracting(p -> p.id()).contains("five-step", "eight-step");
  }

  /** The JSON of an event of {@code type} with the given members, as Salesflow's Jackson modules read it. */
  static String event(String type, String members) {
    return "{\"type\":\"" + type + "\",\"occurredAt\":\"2026-11-02T09:00:00Z\"" + (members.isEmpty() ? "" : ",")
        + members + "}";
  }

  static final String CONTACT = event("contact-made", "\"channel\":\"email\"");

  @Test
  void startsADealAndFiresAnEventOverHttpWithSalesflowsOwnJson() {
    Http.Answer started = http.post("/deals", "{\"id\":\"D-http-1\",\"process\":\"five-step\"}");
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.contentType()).startsWith("application/json");
    assertThat(started.text("processId")).isEqualTo("five-step");
    assertThat(started.text("stage")).isEqualTo("prospecting");

    Http.Answer fired = http.post("/deals/D-http-1/events", CONTACT);
    assertThat(fired.status()).isEqualTo(200);
    assertThat(fired.contentType()).startsWith("application/json");
    assertThat(fired.json().path("accepted").asBoolean()).isTrue();
    assertThat(fired.json().path("transition").path("from").asText()).isEqualTo("prospecting");
    assertThat(fired.json().path("transition").path("to").asText()).isEqualTo("qualification");
    assertThat(fired.json().path("transition").path("event").path("channel").asText()).isEqualTo("email");
    assertThat(fired.json().path("deal").path("version").asLong()).isEqualTo(1);
    assertThat(http.get("/deals/D-http-1").json().path("history").get(0).path("to").asText())
        .isEqualTo("qualification");
  }

  @Test
  void answers422WithTheKindAndEveryReasonForARejectedEvent() {
    http.post("/deals", "{\"id\":\"D-http-2\",\"process\":\"five-step\"}");
    http.post("/deals/D-http-2/events", CONTACT);

    Http.Answer rejected = http.post("/deals/D-http-2/events", event("qualification-assessed",
        "\"assessment\":{}"));
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.contentType()).startsWith("application/problem+json");
    assertThat(rejected.text("title")).isEqualTo("Event rejected");
    assertThat(rejected.text("kind")).isEqualTo("GUARD_DENIED");
    assertThat(rejected.text("dealId")).isEqualTo("D-http-2");
    assertThat(rejected.text("stage")).isEqualTo("qualification");
    assertThat(rejected.text("detail")).contains("deal 'D-http-2'", "rejected 'qualification-assessed'");
    List<String> reasons = new ArrayList<>();
    rejected.json().path("reasons").forEach(reason -> reasons.add(reason.asText()));
    assertThat(reasons).contains("authority: no decision-maker identified").hasSizeGreaterThan(1);
    assertThat(http.get("/deals/D-http-2").json().path("version").asLong()).isEqualTo(1);
  }

  @Test
  void answers404ForAnUnknownDeal() {
    Http.Answer unknown = http.post("/deals/D-never-started/events", CONTACT);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.text("title")).isEqualTo("Unknown deal");
    assertThat(unknown.text("dealId")).isEqualTo("D-never-started");
    assertThat(unknown.text("detail")).contains("start it with DealEngine.start");
  }

  @Test
  void answers409ForADuplicateDealAndForAStaleVersion() {
    http.post("/deals", "{\"id\":\"D-http-3\",\"process\":\"five-step\"}");
    Http.Answer duplicate = http.post("/deals", "{\"id\":\"D-http-3\",\"process\":\"five-step\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.text("title")).isEqualTo("Duplicate deal");

    Http.Answer stale = http.post("/deals/D-http-3/events?expectedVersion=4", CONTACT);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.text("kind")).isEqualTo("STALE_VERSION");
    assertThat(stale.text("title")).isEqualTo("Stale deal version");
  }

  @Test
  void answers400ForAnEventTypeNoProcessHas() {
    http.post("/deals", "{\"id\":\"D-http-5\",\"process\":\"five-step\"}");
    assertThat(http.post("/deals/D-http-5/events", event("made-up", "")).status()).isEqualTo(400);
    assertThat(http.get("/deals/D-http-5").json().path("version").asLong()).isZero();
  }

  @Test
  void answers400ForBadInputAnd404ForAnUnknownProcess() {
    Http.Answer blank = http.post("/deals", "{\"id\":\" \",\"process\":\"five-step\"}");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.contentType()).startsWith("application/problem+json");
    assertThat(blank.text("detail")).contains("dealId");

    Http.Answer process = http.post("/deals", "{\"id\":\"D-http-4\",\"process\":\"no-such-process\"}");
    assertThat(process.status()).isEqualTo(404);
    assertThat(process.text("title")).isEqualTo("Unknown process");
  }

  @Test
  void showsEventCountsTimesAndStartsOnTheMetricsEndpointWithoutDealIds() {
    http.post("/deals", "{\"id\":\"D-metrics-1\",\"process\":\"five-step\"}");
    http.post("/deals/D-metrics-1/events", CONTACT);
    http.post("/deals/D-metrics-1/events", event("qualification-assessed", "\"assessment\":{}"));

    Http.Answer events = http.get("/actuator/metrics/salesflow.events");
    assertThat(events.status()).isEqualTo(200);
    assertThat(tagValues(events.json(), "outcome")).contains("accepted", "guard_denied");
    assertThat(tagValues(events.json(), "event")).contains("contact-made", "qualification-assessed");
    assertThat(tagValues(events.json(), "stage")).contains("prospecting", "qualification");
    assertThat(tagValues(events.json(), "process")).contains("five-step");
    Http.Answer accepted = http.get("/actuator/metrics/salesflow.events?tag=process:five-step&tag=outcome:accepted"
        + "&tag=event:contact-made");
    assertThat(accepted.json().path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1.0);

    Http.Answer fire = http.get("/actuator/metrics/salesflow.fire");
    assertThat(fire.status()).isEqualTo(200);
    assertThat(tagValues(fire.json(), "outcome")).contains("accepted", "rejected");
    Http.Answer started = http.get("/actuator/metrics/salesflow.deals.started");
    assertThat(started.status()).isEqualTo(200);

    for (String metric : List.of("salesflow.events", "salesflow.fire", "salesflow.deals.started")) {
      JsonNode tags = http.get("/actuator/metrics/" + metric).json().path("availableTags");
      tags.forEach(tag -> tag.path("values").forEach(value -> assertThat(value.asText())
          .as("a value of tag %s of %s", tag.path("tag").asText(), metric).doesNotStartWith("D-")));
    }
  }

  @Test
  void showsTheSalesflowComponentOnTheHealthEndpoint() {
    Http.Answer health = http.get("/actuator/health");
    JsonNode salesflow = health.json().path("components").path("salesflow");
    assertThat(salesflow.path("status").asText()).isEqualTo("UP");
    assertThat(salesflow.path("details").path("engine").asText()).isEqualTo(expectedEngine());
    assertThat(salesflow.path("details").path("store").asText()).isEqualTo("JdbcDealStore reachable");
    assertThat(salesflow.path("details").path("processes").toString()).contains("five-step");
  }

  static List<String> tagValues(JsonNode metric, String tag) {
    List<String> values = new ArrayList<>();
    metric.path("availableTags").forEach(t -> {
      if (t.path("tag").asText().equals(tag)) {
        t.path("values").forEach(v -> values.add(v.asText()));
      }
    });
    return values;
  }
}
