package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.SpringStatemachineCompiler;
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
}
