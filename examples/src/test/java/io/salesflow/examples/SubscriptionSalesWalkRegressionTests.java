package io.salesflow.examples;

import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.testkit.EngineFactory;
import io.salesflow.testkit.ProcessProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regression test as {@code WalkFailure.regressionTest(...)} wrote it, pasted unchanged but for the package line:
 * an engine that ignored the follow-up guard failed this walk; the table engine passes it.
 */
// tag::regression-test[]
class SubscriptionSalesWalkRegressionTests {
  @Test
  void followsTheDefinitionOnEveryEventOfAWalkThatOnceFailed() {
    // a new deal starts in stage 'qualifying' at version 0, knowing nothing; each event is fired at its own time
    ProcessProperties.forProcess(process()).engine(engines()).checkWalk(List.of(
        // 1. the definition: rejected as GUARD_DENIED: follow-ups: 0 of 5 made before dropping for no response; most
        //    sales need several follow-ups, so follow up 5 more times
        new SalesEvent.ClosedLost(Instant.parse("2026-01-06T20:34:00Z"), SalesEvent.LossReason.NO_RESPONSE,
            "went silent after the proposal", null)));
  }

  private static SalesProcess process() {
    return CustomProcessExample.subscriptionSales();
  }

  private static EngineFactory engines() {
    return EngineFactory.tableEngine();
  }
}
// end::regression-test[]
