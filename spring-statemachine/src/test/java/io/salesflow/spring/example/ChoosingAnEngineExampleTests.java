package io.salesflow.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.statemachine.StateMachine;

class ChoosingAnEngineExampleTests {

  @Test
  void bothEnginesOfTheReadmeRejectTheSameEventWithTheSameReasons() {
    try (DealEngine table = ChoosingAnEngineExample.tableEngine();
        DealEngine spring = ChoosingAnEngineExample.springEngine()) {
      table.start("D-1", SalesCatalog.FIVE_STEP);
      spring.start("D-1", SalesCatalog.FIVE_STEP);
      SalesEvent event = new SalesEvent.PresentationDelivered(Instant.parse("2026-11-02T09:00:00Z"));

      FireResult onTable = table.fire("D-1", event);
      FireResult onSpring = spring.fire("D-1", event);

      assertThat(onSpring.isAccepted()).isFalse();
      assertThat(((FireResult.Rejected) onSpring).reasons()).isEqualTo(((FireResult.Rejected) onTable).reasons());
      assertThat(spring.name()).isEqualTo("spring-statemachine");
      assertThat(table.name()).isEqualTo("table");
    }
  }

  @Test
  void theCompiledFactoryBuildsMachinesInTheInitialStage() {
    StateMachine<String, String> machine = ChoosingAnEngineExample.springFactory().getStateMachine();
    machine.startReactively().block();
    assertThat(machine.getState().getId()).isEqualTo(SalesCatalog.fiveStep().initialStage().id());
  }
}
