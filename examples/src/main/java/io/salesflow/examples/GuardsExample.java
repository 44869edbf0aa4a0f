package io.salesflow.examples;

import io.salesflow.BantAssessment;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionOption;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/** A BANT policy, a follow-up threshold and the "what is blocking this deal?" query on a custom process. */
public final class GuardsExample {
  private GuardsExample() {}

  /** A process whose qualification needs three BANT dimensions, a 10,000 budget and a decision within 90 days. */
  public static SalesProcess process() {
    // tag::guards[]
    var qualified = SalesGuards.bantAtLeast(3)
        .and(SalesGuards.minimumConfirmedBudget(new BigDecimal("10000")))
        .and(SalesGuards.decisionWithin(Period.ofDays(90)));

    return SalesProcess.builder("outbound")
        .stage(Stage.open("prospecting", "Prospecting"))
        .stage(Stage.open("presenting", "Presenting"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("prospecting")
        .internal("prospecting", EventType.FOLLOW_UP_LOGGED)
        .transition("prospecting", EventType.QUALIFICATION_ASSESSED, "presenting", qualified)
        .transition("prospecting", EventType.CLOSED_LOST, "lost",
            SalesGuards.followUpsBeforeNoResponseLoss(5)) // 80% of sales need five follow-ups (Lucidchart)
        .transition("presenting", EventType.CLOSED_WON, "won")
        .transition("presenting", EventType.CLOSED_LOST, "lost")
        .build();
    // end::guards[]
  }

  /** Shows a BANT denial, the follow-up threshold before and after five follow-ups, and the blocking query. */
  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    DealEngine engine = DealEngine.tableEngine().process(process()).clock(clock).build();
    engine.start("D-7", "outbound");
    Instant now = clock.instant();

    // tag::blocking[]
    FireResult qualification = engine.fire("D-7", new SalesEvent.QualificationAssessed(now,
        BantAssessment.builder().budget(new BigDecimal("4000"), true).build()));
    System.out.println(qualification);
    // ... rejected 'qualification-assessed': BANT: 1 of 4 dimensions confirmed, at least 3 required;
    //     authority: no decision-maker identified; ...; budget: 4,000 confirmed, at least 10,000 required

    List<TransitionOption> blocking = engine.explain("D-7");
    blocking.forEach(option -> System.out.println(option.transition().event() + " allowed=" + option.allowed()
        + " " + option.unmetConditions()));
    // end::blocking[]

    System.out.println(engine.fire("D-7", new SalesEvent.ClosedLost(now, LossReason.NO_RESPONSE)));
    for (int i = 0; i < 5; i++) {
      engine.fire("D-7", new SalesEvent.FollowUpLogged(now, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE));
    }
    System.out.println(engine.fire("D-7", new SalesEvent.ClosedLost(now, LossReason.NO_RESPONSE)));
  }
}
