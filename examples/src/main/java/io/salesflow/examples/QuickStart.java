package io.salesflow.examples;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import java.time.Instant;

/**
 * The README's first snippet: define a process, start a deal, fire an event, read why it was rejected, do what the
 * rejection asks and fire it again.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the snippet and prints both results. */
  public static void main(String[] args) {
    Outcome outcome = outcome();
    System.out.println(outcome.result());
    System.out.println(outcome.retried());
  }

  /** The first result: the loss rejected for want of follow-ups. */
  static FireResult run() {
    return outcome().result();
  }

  /**
   * What the snippet leaves behind.
   *
   * @param engine the engine, holding deal {@code D-42} in its lost stage
   * @param result the loss rejected for want of follow-ups
   * @param retried the same loss after the follow-ups the rejection asked for
   */
  record Outcome(DealEngine engine, FireResult result, FireResult retried) {}

  /** Runs the README's first snippet. */
  static Outcome outcome() {
    // tag::quick-start[]
    SalesProcess process = SalesProcess.builder("inbound-demo")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.open("demo", "Demo"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .internal("lead", EventType.FOLLOW_UP_LOGGED) // recorded, the deal stays in 'lead'
        .internal("demo", EventType.FOLLOW_UP_LOGGED)
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

    for (int i = 0; i < 5; i++) {
      engine.fire("D-42", new SalesEvent.FollowUpLogged(Instant.now(), ContactChannel.EMAIL,
          FollowUpOutcome.NO_RESPONSE));
    }
    FireResult retried = engine.fire("D-42", new SalesEvent.ClosedLost(Instant.now(), LossReason.NO_RESPONSE));
    // deal 'D-42' in process 'inbound-demo' moved from 'lead' to 'lost' on 'closed-lost' (version 6)
    // end::quick-start[]
    return new Outcome(engine, result, retried);
  }
}
