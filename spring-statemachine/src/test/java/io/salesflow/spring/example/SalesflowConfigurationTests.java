package io.salesflow.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.spring.SpringStatemachineCompiler;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.StateMachineFactory;

class SalesflowConfigurationTests {

  @Test
  void thePlainSpringContextRunsDealsOnSpringStatemachineAndHandsOutTheFactory() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(SalesflowConfiguration.class)) {
      DealEngine engine = context.getBean(DealEngine.class);
      assertThat(engine.name()).isEqualTo(SpringStatemachineCompiler.ENGINE_NAME);

      engine.start("D-1", SalesCatalog.FIVE_STEP);
      FireResult result = engine.fire("D-1", new SalesEvent.PresentationDelivered(Instant.now()));
      assertThat(result).isInstanceOfSatisfying(FireResult.Rejected.class,
          r -> assertThat(r.kind()).isEqualTo(RejectionKind.NO_TRANSITION));
      assertThat(engine.fire("D-1", new SalesEvent.ContactMade(Instant.now(), ContactChannel.PHONE)).isAccepted())
          .isTrue();

      @SuppressWarnings("unchecked")
      StateMachineFactory<String, String> factory = (StateMachineFactory<String, String>) context.getBeanProvider(
          ResolvableType.forClassWithGenerics(StateMachineFactory.class, String.class, String.class)).getObject();
      StateMachine<String, String> machine = factory.getStateMachine();
      machine.startReactively().block();
      assertThat(machine.getState().getId()).isEqualTo(SalesCatalog.fiveStep().initialStage().id());
      assertThat(context.getBean(SpringStatemachineCompiler.class).machinesCreated()).isEqualTo(1);
    }
  }
}
