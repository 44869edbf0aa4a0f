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
  static final EventType SUBMITTED = EventType.custom("submitted");
  static final EventType NOTE_ADDED = EventType.custom("note-added");
  static final EventType APPROVED = EventType.custom("approved");
  static final EventType WITHDRAWN = EventType.custom("withdrawn");

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

  /** Only custom events: deals a reseller brings, approved once the partner's tier is known. */
  static SalesProcess partnerDeals() {
    return SalesProcess.builder("partner-deals")
        .name("Partner deals")
        .stage(Stage.open("registered", "Registered by a partner"))
        .stage(Stage.open("in-review", "In review"))
        .stage(Stage.won("approved", "Approved"))
        .stage(Stage.lost("declined", "Declined"))
        .initialStage("registered")
        .transition("registered", SUBMITTED, "in-review")
        .internal("in-review", NOTE_ADDED)
        .transition("in-review", APPROVED, "approved", TransitionGuard.of("partner tier known",
            ctx -> ctx.facts().field("tier").isPresent(), "tier: ask the partner manager for the partner's tier"))
        .transition("registered", WITHDRAWN, "declined")
        .transition("in-review", WITHDRAWN, "declined")
        .build();
  }
}
