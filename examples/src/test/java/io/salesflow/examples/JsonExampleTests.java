package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.testkit.EventGenerator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonExampleTests {

  @Test
  void jackson3AndJackson2WriteTheSameJsonAndReadEachOthers() throws Exception {
    try (DealEngine engine = DealEngine.tableEngine().process(SalesCatalog.sevenPhaseFunnel()).build()) {
      Deal deal = EventGenerator.forProcess(SalesCatalog.sevenPhaseFunnel())
          .dealInRandomState(engine, "D-1", new SplittableRandom(3));
      var jackson3 = JsonExample.jackson3(SalesCatalog.sevenPhaseFunnel());
      var jackson2 = JsonExample.jackson2(SalesCatalog.sevenPhaseFunnel());

      String json = jackson3.writeValueAsString(deal);
      assertThat(jackson2.writeValueAsString(deal)).isEqualTo(json);
      assertThat(jackson2.readValue(json, Deal.class)).isEqualTo(deal);
      assertThat(jackson3.writeValueAsString(jackson3.readValue(jackson2.writeValueAsString(engine.process(
          SalesCatalog.SEVEN_PHASE_FUNNEL)), tools.jackson.databind.JsonNode.class))).contains("\"stages\":[");
    }
  }

  @Test
  void readsBackTheDealAndTheEventAClientSent() {
    try (DealEngine engine = DealEngine.tableEngine().process(SalesCatalog.fiveStep()).build()) {
      Deal deal = engine.start("D-1", SalesCatalog.FIVE_STEP);
      JsonExample.Read read = JsonExample.roundTrip(JsonExample.jackson3(), deal);

      assertThat(read.deal()).isEqualTo(deal);
      assertThat(read.event()).isEqualTo(new SalesEvent.ClosedWon(Instant.parse("2026-03-02T09:00:00Z"),
          new BigDecimal("12000.50")));
    }
  }
}
