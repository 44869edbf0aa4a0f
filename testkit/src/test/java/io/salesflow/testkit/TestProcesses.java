package io.salesflow.testkit;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;

/** Custom processes the testkit's own tests run on. */
final class TestProcesses {
  static final EventType WEBINAR_ATTENDED = EventType.custom("webinar-attended");
  static final EventType SIGNED_UP = EventType.custom("signed-up");
  static final EventType POSTED = EventType.custom("posted");
  static final EventType UPGRADED = EventType.custom("upgraded");
  static final EventType CHURNED = EventType.custom("churned");

  static final TransitionGuard BANT_CONFIRMED = TransitionGuard.of("BANT: all four confirmed",
      ctx -> ctx.facts().bant().confirmedCount() == 4,
      "BANT: budget, authority, need and timing must all be confirmed");

  private TestProcesses() {}

  /** Five stages; qualifying needs a fully confirmed BANT; follow-ups and webinars are internal in new. */
  static SalesProcess inbound() {
    return inbound(BANT_CONFIRMED);
  }

  /** The same process, same id, with a qualification guard that ignores BANT: a deliberately broken definition. */
  static SalesProcess inboundIgnoringBant() {
    return inbound(TransitionGuard.always());
  }

  private static SalesProcess inbound(TransitionGuard qualification) {
    return SalesProcess.builder("inbound")
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("qualified", "Qualified"))
        .stage(Stage.open("proposal", "Proposal"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .internal("new", EventType.FOLLOW_UP_LOGGED)
        .internal("new", WEBINAR_ATTENDED)
        .transition("new", EventType.QUALIFICATION_ASSESSED, "qualified", qualification)
        .transition("qualified", EventType.PROPOSAL_SENT, "proposal")
        .transition("proposal", EventType.CLOSED_WON, "won")
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("qualified", EventType.CLOSED_LOST, "lost")
        .transition("proposal", EventType.CLOSED_LOST, "lost")
        .build();
  }

  /**
   * Eight stages with a post-sale stage, an objection loop, two internal transitions and three guards: two contact
   * channels before presenting, no open objections before closing, and five follow-ups before dropping a deal for no
   * response.
   */
  static SalesProcess fieldSales() {
    TransitionGuard twoChannels = TransitionGuard.of("two contact channels",
        ctx -> ctx.facts().contactChannels().size() >= 2, "contact: reach the prospect through two channels first");
    TransitionGuard noOpenObjections = TransitionGuard.of("no open objections",
        ctx -> ctx.facts().openObjections().isEmpty(), "objections: resolve every open objection first");
    TransitionGuard fiveFollowUps = TransitionGuard.of("five follow-ups before no-response",
        ctx -> !(ctx.event() instanceof SalesEvent.ClosedLost lost && lost.reason() == LossReason.NO_RESPONSE)
            || ctx.deal().facts().followUps().count() >= 5,
        "follow-ups: log at least five before dropping a deal for no response");
    return SalesProcess.builder("field-sales")
        .stage(Stage.open("prospecting", "Prospecting"))
        .stage(Stage.open("contacted", "Contacted"))
        .stage(Stage.open("presenting", "Presenting"))
        .stage(Stage.open("objection-handling", "Handling objections"))
        .stage(Stage.open("closing", "Closing"))
        .stage(Stage.postSale("onboarding", "Onboarding"))
        .stage(Stage.won("customer", "Customer"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("prospecting")
        .transition("prospecting", EventType.CONTACT_MADE, "contacted")
        .internal("contacted", EventType.FOLLOW_UP_LOGGED)
        .internal("contacted", EventType.CONTACT_MADE)
        .transition("contacted", EventType.PRESENTATION_DELIVERED, "presenting", twoChannels)
        .transition("contacted", EventType.DISQUALIFIED, "lost")
        .transition("contacted", EventType.CLOSED_LOST, "lost", fiveFollowUps)
        .transition("presenting", EventType.OBJECTION_RAISED, "objection-handling")
        .transition("objection-handling", EventType.OBJECTION_RESOLVED, "presenting", noOpenObjections)
        .internal("objection-handling", EventType.OBJECTION_RAISED)
        .transition("presenting", EventType.PROPOSAL_SENT, "closing")
        .internal("closing", EventType.TERMS_NEGOTIATED)
        .transition("closing", EventType.CLOSED_WON, "onboarding", noOpenObjections)
        .transition("onboarding", EventType.ONBOARDING_DONE, "customer")
        .transition("prospecting", EventType.CLOSED_LOST, "lost")
        .transition("presenting", EventType.CLOSED_LOST, "lost")
        .transition("objection-handling", EventType.CLOSED_LOST, "lost")
        .transition("closing", EventType.CLOSED_LOST, "lost")
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
