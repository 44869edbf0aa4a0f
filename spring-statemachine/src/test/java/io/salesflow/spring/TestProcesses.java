package io.salesflow.spring;

import io.salesflow.EventType;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionGuard;
import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/** Custom processes that exercise every shape the Spring Statemachine model has to get right. */
final class TestProcesses {
  static final EventType REACTIVATED = EventType.custom("reactivated");

  private TestProcesses() {}

  static List<SalesProcess> all() {
    return List.of(inboundDemo(), branchingPipeline(), cadence());
  }

  /**
   * A plan from {@link #inboundDemo()} to a version 2 in which demo is called discovery, a closing stage needing an
   * amount comes between negotiation and won, and lost deals can be nurtured: deals lost on version 1 are reopened
   * in nurture, and deals missing an amount are moved anyway with the exception recorded.
   */
  static SalesProcess.MigrationPlan inboundDemoPlan() {
    SalesProcess v2 = SalesProcess.builder("inbound-demo")
        .version(2)
        .name("Inbound demo")
        .stage(Stage.open("lead", "Lead"))
        .stage(Stage.open("discovery", "Discovery"))
        .stage(Stage.open("negotiation", "Negotiation"))
        .stage(Stage.builder().id("closing").name("Closing").kind(StageKind.OPEN).addRequiredToEnter("amount")
            .build())
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .stage(Stage.open("nurture", "Nurture"))
        .initialStage("lead")
        .internal("lead", EventType.FOLLOW_UP_LOGGED)
        .transition("lead", EventType.QUALIFICATION_ASSESSED, "discovery", SalesGuards.bantAtLeast(3))
        .transition("discovery", EventType.PRESENTATION_DELIVERED, "negotiation")
        .transition("negotiation", EventType.OBJECTION_RAISED, "discovery")
        .transition("negotiation", EventType.PROPOSAL_SENT, "closing")
        .transition("closing", EventType.CLOSED_WON, "won", SalesGuards.noOpenObjections())
        .transition("lead", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss())
        .transition("discovery", EventType.CLOSED_LOST, "lost")
        .transition("negotiation", EventType.CLOSED_LOST, "lost")
        .transition("closing", EventType.CLOSED_LOST, "lost")
        .transition("discovery", EventType.FOLLOW_UP_LOGGED, "nurture")
        .transition("nurture", EventType.CONTACT_MADE, "lead")
        .transition("nurture", EventType.CLOSED_LOST, "lost")
        .build();
    return SalesProcess.MigrationPlan.builder(inboundDemo(), v2).map("demo", "discovery").reopen("lost", "nurture")
        .missingFields(SalesProcess.MigrationPlan.MissingFields.MOVE_WITH_EXCEPTION).build();
  }

  /**
   * The core tests' process (core/src/test/java/io/salesflow/Fixtures.java): one guard to leave lead, a loop from
   * negotiation back to demo, an internal follow-up in lead.
   */
  static SalesProcess inboundDemo() {
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

  /**
   * Several guarded transitions on one (stage, event) everywhere: external ones that all may deny, an external one
   * before an internal fallback, two internal ones, an external self-transition; stage required fields; a loop
   * through nurture; a custom event; a post-sale stage; a guard that reads the clock.
   */
  static SalesProcess branchingPipeline() {
    TransitionGuard priceLoss = TransitionGuard.of("lost on price", ctx -> ctx.facts().lossReason()
        .filter(r -> r == LossReason.PRICE).isPresent(), "loss: not lost on price, so not worth nurturing");
    TransitionGuard bigDeal = TransitionGuard.of("amount at least 50,000", ctx -> ctx.facts().amount()
        .filter(a -> a.compareTo(new BigDecimal("50000")) >= 0).isPresent(), "amount: below 50,000");
    return SalesProcess.builder("branching-pipeline")
        .stage(Stage.open("prospect", "Prospect"))
        .stage(Stage.builder().id("qualified").name("Qualified").kind(StageKind.OPEN).addRequiredToLeave("authority")
            .build())
        .stage(Stage.builder().id("proposal").name("Proposal").kind(StageKind.OPEN).addRequiredToEnter("amount")
            .build())
        .stage(Stage.open("nurture", "Nurture"))
        .stage(Stage.postSale("onboarding", "Onboarding"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("prospect")
        .internal("prospect", EventType.FOLLOW_UP_LOGGED)
        .transition("prospect", EventType.CONTACT_MADE, "qualified", SalesGuards.contactChannelsAtLeast(2))
        .internal("prospect", EventType.CONTACT_MADE)
        .transition("prospect", EventType.CLOSED_LOST, "nurture", SalesGuards.unansweredFollowUpsAtLeast(2))
        .transition("prospect", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss(3))
        .internal("qualified", EventType.QUALIFICATION_ASSESSED, SalesGuards.bantAtLeast(2))
        .transition("qualified", EventType.QUALIFICATION_ASSESSED, "nurture", SalesGuards.bantAtLeast(2).negate())
        .transition("qualified", EventType.PROPOSAL_SENT, "proposal", SalesGuards.bantAtLeast(3))
        .transition("qualified", EventType.PROPOSAL_SENT, "qualified",
            SalesGuards.minimumConfirmedBudget(new BigDecimal("10000")))
        .internal("qualified", EventType.OBJECTION_RAISED)
        .internal("qualified", EventType.OBJECTION_RESOLVED)
        .transition("qualified", EventType.CLOSED_LOST, "lost")
        .internal("proposal", EventType.TERMS_NEGOTIATED, SalesGuards.noOpenObjections())
        .internal("proposal", EventType.TERMS_NEGOTIATED, bigDeal)
        .internal("proposal", EventType.OBJECTION_RAISED)
        .internal("proposal", EventType.OBJECTION_RESOLVED)
        .transition("proposal", EventType.CLOSED_WON, "won", SalesGuards.noOpenObjections())
        .transition("proposal", EventType.CLOSED_WON, "proposal", bigDeal)
        .transition("proposal", EventType.CONTRACT_SIGNED, "onboarding", SalesGuards.noOpenObjections())
        .transition("proposal", EventType.CLOSED_LOST, "nurture", priceLoss)
        .transition("proposal", EventType.CLOSED_LOST, "lost")
        .internal("nurture", EventType.FOLLOW_UP_LOGGED)
        .transition("nurture", EventType.CONTACT_MADE, "qualified",
            SalesGuards.contactChannelsAtLeast(3).or(SalesGuards.decisionWithin(Period.ofDays(60))))
        .transition("nurture", REACTIVATED, "prospect", TransitionGuard.requiredFields("campaign"))
        .transition("nurture", EventType.CLOSED_LOST, "lost")
        .internal("onboarding", EventType.REFERRAL_RECEIVED)
        .transition("onboarding", EventType.ONBOARDING_DONE, "won")
        .build();
  }

  /** Follow-up cadence: too many unanswered follow-ups lose the deal, fewer are recorded; a hot lead moves on. */
  static SalesProcess cadence() {
    TransitionGuard hot = TransitionGuard.of("hot lead", ctx -> ctx.facts().leadTemperature()
        .filter(t -> t == LeadTemperature.HOT).isPresent(), "temperature: the lead is not hot");
    return SalesProcess.builder("cadence")
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("working", "Working"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .transition("new", EventType.FOLLOW_UP_LOGGED, "lost", SalesGuards.unansweredFollowUpsAtLeast(5))
        .internal("new", EventType.FOLLOW_UP_LOGGED, SalesGuards.unansweredFollowUpsAtLeast(5).negate())
        .transition("new", EventType.LEAD_SCORED, "working", hot)
        .internal("new", EventType.LEAD_SCORED)
        .transition("working", EventType.LEAD_SCORED, "new", hot.negate())
        .internal("working", EventType.FOLLOW_UP_LOGGED)
        .transition("working", EventType.CLOSED_WON, "won")
        .transition("working", EventType.DISQUALIFIED, "lost")
        .build();
  }

  /**
   * {@link #branchingPipeline()} grown past {@link MachinePool#WHOLE_MODEL_TRANSITIONS} transitions, so that the
   * Spring engine runs it on machines of one stage each: {@code extras} more open stages in a chain of referrals
   * from prospect (the last back to prospect), each with a guarded contact into qualified before an internal
   * fallback on the same event (a choice in its own machine), and closed lost.
   */
  static SalesProcess large(int extras) {
    SalesProcess.Builder builder = SalesProcess.builder("large-pipeline").name("Large pipeline");
    SalesProcess base = branchingPipeline();
    base.stages().forEach(builder::stage);
    base.transitions().forEach(builder::transition);
    builder.initialStage(base.initialStage().id());
    builder.transition("prospect", EventType.REFERRAL_RECEIVED, "extra-1");
    for (int x = 1; x <= extras; x++) {
      String id = "extra-" + x;
      builder.stage(Stage.open(id, "Extra " + x));
      builder.transition(id, EventType.REFERRAL_RECEIVED, x == extras ? "prospect" : "extra-" + (x + 1));
      builder.transition(id, EventType.CONTACT_MADE, "qualified", SalesGuards.contactChannelsAtLeast(2));
      builder.internal(id, EventType.CONTACT_MADE);
      builder.transition(id, EventType.CLOSED_LOST, "lost");
    }
    return builder.build();
  }
}
