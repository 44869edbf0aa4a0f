package io.salesflow;

import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A small custom process and helpers shared by the core tests. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private Fixtures() {}

  /**
   * Six stages: lead, demo, negotiation and the outcomes won, lost; one guard (BANT 3 of 4 to leave lead), one
   * loop (an objection sends negotiation back to demo), one internal transition (follow-ups in lead).
   */
  static SalesProcess demoProcess() {
    return SalesProcess.builder("inbound-demo")
        .name("Inbound demo")
        .stage(Stage.builder().id("lead").name("Lead").kind(StageKind.OPEN).winProbability(0.1).build())
        .stage(Stage.builder().id("demo").name("Demo").kind(StageKind.OPEN).winProbability(0.4).build())
        .stage(Stage.builder().id("negotiation").name("Negotiation").kind(StageKind.OPEN).winProbability(0.7)
            .build())
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("lead")
        .internal("lead", EventType.FOLLOW_UP_LOGGED)
        .transition("lead", EventType.QUALIFICATION_ASSESSED, "demo", SalesGuards.bantAtLeast(3))
        .transition("demo", EventType.PRESENTATION_DELIVERED, "negotiation")
        .transition("negotiation", EventType.OBJECTION_RAISED, "demo")
        .transition("negotiation", EventType.CLOSED_WON, "won", SalesGuards.noOpenObjections())
        .transition("lead", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss())
        .transition("demo", EventType.CLOSED_LOST, "lost")
        .transition("negotiation", EventType.CLOSED_LOST, "lost")
        .build();
  }

  static BantAssessment bant(int confirmed) {
    BantAssessment.Builder b = BantAssessment.builder();
    if (confirmed > 0) {
      b.budget(new BigDecimal("20000"), true);
    }
    if (confirmed > 1) {
      b.authority(true, 3);
    }
    if (confirmed > 2) {
      b.painPoints("manual reporting");
    }
    if (confirmed > 3) {
      b.decisionBy(LocalDate.of(2026, 12, 1));
    }
    return b.build();
  }

  static Deal deal(String stage, DealFacts facts) {
    return Deal.builder().id("D-1").processId("inbound-demo").stage(stage).version(0).createdAt(T0)
        .enteredStageAt(T0).facts(facts).build();
  }
}
