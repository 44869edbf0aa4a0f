package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.TransitionRecord;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.SpringStatemachineCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetriesExampleTests {

  @Test
  void startsOnceAndAppliesTheEventOnceOnTheTableEngine() {
    try (DealEngine engine = DealEngine.tableEngine().process(SalesCatalog.fiveStep()).build()) {
      Deal deal = RetriesExample.startAndContactTwice(engine, SalesCatalog.fiveStep().id());

      assertThat(deal.version()).isEqualTo(1);
      assertThat(deal.history().asList()).singleElement()
          .satisfies(record -> assertThat(record.idempotencyKey()).isNotBlank());
    }
  }

  @Test
  void startsOnceAndAppliesTheEventOnceOnTheSpringEngine() {
    try (DealEngine engine = SpringStatemachineCompiler.springStatemachineEngine().process(SalesCatalog.fiveStep())
        .build()) {
      assertThat(RetriesExample.startAndContactTwice(engine, SalesCatalog.fiveStep().id()).version()).isEqualTo(1);
    }
  }
  @Test
  void recordsTheOverrideAndTheNewOwnerOnceOnBothEngines() {
    for (DealEngine.Builder builder : List.of(DealEngine.tableEngine(),
        SpringStatemachineCompiler.springStatemachineEngine())) {
      try (DealEngine engine = builder.process(SalesCatalog.fiveStep()).build()) {
        RetriesExample.startAndContactTwice(engine, SalesCatalog.fiveStep().id());

        Deal deal = RetriesExample.overrideAndAssignTwice(engine);

        assertThat(deal.version()).as(engine.name()).isEqualTo(3);
        assertThat(deal.stage()).isEqualTo("presentation");
        assertThat(deal.owner()).isEqualTo("rep-bob");
        assertThat(deal.history().asList().subList(1, 3)).extracting(TransitionRecord::eventType)
            .containsExactly(EventType.STAGE_OVERRIDDEN, EventType.OWNER_ASSIGNED);
        assertThat(deal.history().asList().subList(1, 3)).allSatisfy(record -> {
          assertThat(record.idempotencyKey()).isNotBlank();
          assertThat(record.actor()).isEqualTo("manager-max");
        });
      }
    }
  }
}
