package io.salesflow.jackson;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionGuard;
import java.time.Duration;

/** Custom processes the JSON round trip runs on, beside the catalog's: custom events, guards and stage metadata. */
final class JsonTestProcesses {
  static final EventType WEBINAR_ATTENDED = EventType.custom("webinar-attended");
  static final EventType SIGNED_UP = EventType.custom("signed-up");
  static final EventType POSTED = EventType.custom("posted");
  static final EventType UPGRADED = EventType.custom("upgraded");
  static final EventType CHURNED = EventType.custom("churned");

  private JsonTestProcesses() {}

  /** Built-in and custom events, a BANT guard, CRM metadata on its stages. */
  static SalesProcess inbound() {
    return SalesProcess.builder("inbound")
        .name("Inbound")
        .description("Leads from the website, qualified by BANT")
        .stage(Stage.builder().id("new").name("New").kind(StageKind.OPEN).winProbability(0.05)
            .stallAfter(Duration.ofDays(14)).guidance("Call within a day").build())
        .stage(Stage.builder().id("qualified").name("Qualified").kind(StageKind.OPEN)
            .winProbability(0.3).addRequiredToLeave("amount").build())
        .stage(Stage.open("proposal", "Proposal"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .internal("new", EventType.FOLLOW_UP_LOGGED)
        .internal("new", WEBINAR_ATTENDED)
        .transition("new", EventType.QUALIFICATION_ASSESSED, "qualified", TransitionGuard.of("BANT: all four confirmed",
            ctx -> ctx.facts().bant().confirmedCount() == 4, "BANT: budget, authority, need and timing must all be confirmed"))
        .transition("qualified", EventType.PROPOSAL_SENT, "proposal")
        .transition("proposal", EventType.CLOSED_WON, "won")
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("qualified", EventType.CLOSED_LOST, "lost")
        .transition("proposal", EventType.CLOSED_LOST, "lost")
        .build();
  }

  /** Only custom events: a community funnel where upgrading needs a known segment. */
  static SalesProcess community() {
    return SalesProcess.builder("community")
        .stage(Stage.open("visitor", "Visitor"))
        .stage(Stage.open("member", "Member"))
        .stage(Stage.won("paying", "Paying"))
        .stage(Stage.lost("gone", "Gone"))
        .initialStage("visitor")
        .transition("visitor", SIGNED_UP, "member")
        .internal("member", POSTED)
        .transition("member", UPGRADED, "paying", TransitionGuard.of("segment known",
            ctx -> ctx.facts().attributes().containsKey("segment"), "segment: not known yet"))
        .transition("visitor", CHURNED, "gone")
        .transition("member", CHURNED, "gone")
        .build();
  }
}
