package io.salesflow.examples;

import io.salesflow.BantAssessment;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom process defined in code: five stages, a BANT guard, a loop (an objection in negotiation sends the deal
 * back to the demo) and an internal transition (follow-ups logged while qualifying), run end to end.
 */
public final class CustomProcessExample {
  private CustomProcessExample() {}

  /** The process. */
  // tag::custom-process[]
  public static SalesProcess subscriptionSales() {
    return SalesProcess.builder("subscription-sales")
        .name("Subscription sales")
        .stage(Stage.builder().id("qualifying").name("Qualifying").kind(StageKind.OPEN)
            .description("Find out whether the lead can and wants to buy.")
            .winProbability(0.1).stallAfter(Duration.ofDays(14)).build())
        .stage(Stage.builder().id("demo").name("Demo").kind(StageKind.OPEN)
            .description("Show the product on the lead's own use case.")
            .winProbability(0.4).stallAfter(Duration.ofDays(10)).build())
        .stage(Stage.builder().id("negotiation").name("Negotiation").kind(StageKind.OPEN)
            .description("Agree price and terms.").winProbability(0.7).addRequiredToEnter("amount").build())
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("qualifying")
        .internal("qualifying", EventType.FOLLOW_UP_LOGGED)                        // internal: facts only
        .transition("qualifying", EventType.QUALIFICATION_ASSESSED, "demo",
            SalesGuards.bantAtLeast(3))                                           // the guard
        .transition("demo", EventType.PROPOSAL_SENT, "negotiation")
        .transition("negotiation", EventType.OBJECTION_RAISED, "demo")            // the loop
        .internal("demo", EventType.OBJECTION_RESOLVED)
        .transition("negotiation", EventType.CLOSED_WON, "won", SalesGuards.noOpenObjections())
        .transition("qualifying", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss())
        .transition("demo", EventType.CLOSED_LOST, "lost")
        .transition("negotiation", EventType.CLOSED_LOST, "lost")
        .build();
  }
  // end::custom-process[]

  /** Runs one deal through the process and returns every result, rejections included. */
  public static List<FireResult> runOneDeal(DealEngine engine, Instant now) {
    List<FireResult> results = new ArrayList<>();
    engine.start("S-1", "subscription-sales");
    results.add(engine.fire("S-1", new SalesEvent.FollowUpLogged(now, ContactChannel.EMAIL,
        FollowUpOutcome.RESPONDED)));
    results.add(engine.fire("S-1", new SalesEvent.QualificationAssessed(now,
        BantAssessment.builder().budget(new BigDecimal("18000"), true).build())));      // rejected: 1 of 4
    results.add(engine.fire("S-1", new SalesEvent.QualificationAssessed(now,
        BantAssessment.builder().budget(new BigDecimal("18000"), true).authority(true, 5)
            .painPoints("churn reporting takes days").decisionBy(LocalDate.now().plusDays(30)).build())));
    results.add(engine.fire("S-1", new SalesEvent.ProposalSent(now, null)));        // rejected: no amount
    results.add(engine.fire("S-1", new SalesEvent.ProposalSent(now, new BigDecimal("16000"))));
    results.add(engine.fire("S-1", new SalesEvent.ObjectionRaised(now, ObjectionCategory.PRICE, "too dear")));
    results.add(engine.fire("S-1", new SalesEvent.ObjectionResolved(now, ObjectionCategory.PRICE)));
    results.add(engine.fire("S-1", new SalesEvent.ProposalSent(now, new BigDecimal("14500"))));
    results.add(engine.fire("S-1", new SalesEvent.ClosedWon(now, new BigDecimal("14500"))));
    return results;
  }

  /** Prints every result of one deal's run. */
  public static void main(String[] args) {
    DealEngine engine = DealEngine.tableEngine().process(subscriptionSales()).build();
    runOneDeal(engine, Instant.now()).forEach(System.out::println);
    System.out.println(engine.get("S-1").history());
  }
}
