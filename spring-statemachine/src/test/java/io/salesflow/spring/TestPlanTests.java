package io.salesflow.spring;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.test.StateMachineTestPlanBuilder;

/** A compiled catalog process driven with spring-statemachine-test, as a Spring Statemachine user would. */
class TestPlanTests {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private static Message<String> qualification(SalesProcess process, BantAssessment bant) {
    Deal deal = Deal.builder().id("D-1").processId(process.id()).stage("prospecting").version(0).createdAt(T0)
        .enteredStageAt(T0).build();
    return SpringStatemachineCompiler.eventMessage(GuardContext.of(deal, new SalesEvent.QualificationAssessed(T0, bant),
        T0));
  }

  @Test
  void aTestPlanDrivesTheTextbookProcessThroughItsGuardsAndUnknownEvents() throws Exception {
    SalesProcess process = SalesCatalog.sevenStepTextbook();
    StateMachine<String, String> machine = SpringStatemachineCompiler.create(1).compile(process).factory()
        .getStateMachine();
    BantAssessment noNeed = BantAssessment.builder().budget(new BigDecimal("30000"), true).authority(true, 2).build();
    BantAssessment qualified = BantAssessment.builder().budget(new BigDecimal("30000"), true).authority(true, 2)
        .painPoints("slow quoting").decisionBy(LocalDate.of(2026, 12, 15)).build();

    StateMachineTestPlanBuilder.<String, String>builder()
        .defaultAwaitTime(5)
        .stateMachine(machine)
        .step().expectState("prospecting").and()
        // The guard denies: Spring accepts the trigger, but no transition happens.
        .step().sendEvent(qualification(process, noNeed)).expectStateChanged(0).expectStates("prospecting").and()
        .step().sendEvent(qualification(process, qualified)).expectStateChanged(1).expectStates("preparation")
            .and()
        .step().sendEvent("no-such-event").expectEventNotAccepted(1).expectStates("preparation").and()
        .build()
        .test();
  }
}
