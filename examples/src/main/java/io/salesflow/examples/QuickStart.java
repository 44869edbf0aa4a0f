package io.salesflow.examples;

import io.salesflow.EventType;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import java.time.Instant;

/** The README's first snippet: define a process, start a deal, fire an event and read why it was rejected. */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the snippet and prints the result. */
  public static void main(String[] args) {
    System.out.println(run());
  }

  static FireResult run() {
    // tag::quick-start[]
    SalesProcess process = SalesProcess.builder("inbound-demo")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.open("demo", "Demo"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .transition("lead", EventType.QUALIFICATION_ASSESSED, "demo", SalesGuards.bantAtLeast(3))
        .transition("demo", EventType.CLOSED_WON, "won", SalesGuards.noOpenObjections())
        .transition("lead", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss())
        .transition("demo", EventType.CLOSED_LOST, "lost")
        .build();

    DealEngine engine = DealEngine.tableEngine().process(process).build();
    engine.start("D-42", "inbound-demo");

    FireResult result = engine.fire("D-42", new SalesEvent.ClosedLost(Instant.now(), LossReason.NO_RESPONSE));
    // deal 'D-42' in process 'inbound-demo' (stage 'lead') rejected 'closed-lost':
    //   follow-ups: 0 of 5 made before dropping for no response; ... follow up 5 more times
    // end::quick-start[]
    return result;
  }
}
