package io.salesflow.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The application on PostgreSQL with the Spring Statemachine engine, whose pool shows on the metrics and health
 * endpoints.
 */
@TestPropertySource(properties = {"salesflow.engine=spring-statemachine", "salesflow.pool.size=3",
    "salesflow.pool.acquire-timeout=5s"})
class PostgresSpringEngineApplicationTests extends StarterApplicationTests {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = Postgres.newDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Override
  String expectedEngine() {
    return "spring-statemachine";
  }

  @Test
  void showsThePoolOfEachProcessAsGaugesAndInTheHealthDetails() {
    http.post("/deals", "{\"id\":\"D-pool-1\",\"process\":\"five-step\"}");
    http.post("/deals/D-pool-1/events", CONTACT);

    Http.Answer size = http.get("/actuator/metrics/salesflow.pool.size?tag=process:five-step");
    assertThat(size.json().path("measurements").get(0).path("value").asDouble()).isEqualTo(3.0);
    Http.Answer inUse = http.get("/actuator/metrics/salesflow.pool.in.use?tag=process:five-step");
    assertThat(inUse.json().path("measurements").get(0).path("value").asDouble()).isZero();
    assertThat(http.get("/actuator/metrics/salesflow.pool.waiting").status()).isEqualTo(200);

    JsonNode pool = http.get("/actuator/health").json().path("components").path("salesflow").path("details")
        .path("pools").path("five-step");
    assertThat(pool.path("size").asInt()).isEqualTo(3);
    assertThat(pool.path("inUse").asInt()).isZero();
    assertThat(pool.path("waiting").asInt()).isZero();
  }
}
