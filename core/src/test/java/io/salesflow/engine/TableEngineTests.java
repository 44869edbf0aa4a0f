package io.salesflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionOption;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.guard.SalesGuards;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table engine on a custom process; the engine contract suite in the testkit covers the rest. */
class TableEngineTests {
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  static SalesProcess process() {
    return SalesProcess.builder("b2b-lite")
        .stage(Stage.open("qualifying", "Qualifying"))
        .stage(Stage.open("proposal", "Proposal"))
        .stage(Stage.builder().id("closing").name("Closing").kind(StageKind.OPEN).addRequiredToEnter("amount")
            .build())
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("qualifying")
        .internal("qualifying", EventType.FOLLOW_UP_LOGGED)
        .transition("qualifying", EventType.QUALIFICATION_ASSESSED, "proposal",
            SalesGuards.bantAllConfirmed().and(SalesGuards.minimumConfirmedBudget(new BigDecimal("10000"))))
        .transition("qualifying", EventType.CLOSED_LOST, "lost", SalesGuards.followUpsBeforeNoResponseLoss())
        .transition("proposal", EventType.PROPOSAL_SENT, "closing")
        .internal("closing", EventType.OBJECTION_RAISED)
        .internal("closing", EventType.OBJECTION_RESOLVED)
        .transition("closing", EventType.CLOSED_WON, "won", SalesGuards.noOpenObjections())
        .transition("proposal", EventType.CLOSED_LOST, "lost")
        .transition("closing", EventType.CLOSED_LOST, "lost")
        .build();
  }

  final List<FireResult> heard = new ArrayList<>();
  final DealEngine engine = DealEngine.tableEngine()
      .process(process())
      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .listener(new DealEngine.Listener() {
        @Override
        public void onTransition(FireResult.Accepted accepted) {
          heard.add(accepted);
        }

        @Override
        public void onRejection(FireResult.Rejected rejected) {
          heard.add(rejected);
        }
      })
      .build();

  static BantAssessment qualified(String budget) {
    return BantAssessment.builder().budget(new BigDecimal(budget), true).authority(true, 7)
        .painPoints("quotes take a week").decisionBy(LocalDate.of(2026, 12, 1)).build();
  }

  @Test
  void runsADealFromFirstStageToWonRecordingEveryTransition() {
    engine.start("D-1", "b2b-lite");
    engine.fire("D-1", new SalesEvent.FollowUpLogged(NOW, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED));
    engine.fire("D-1", new SalesEvent.QualificationAssessed(NOW, qualified("25000")));
    engine.fire("D-1", new SalesEvent.ProposalSent(NOW, new BigDecimal("24000")));
    engine.fire("D-1", new SalesEvent.ObjectionRaised(NOW, ObjectionCategory.PRICE));
    FireResult blocked = engine.fire("D-1", new SalesEvent.ClosedWon(NOW, new BigDecimal("22000")));
    engine.fire("D-1", new SalesEvent.ObjectionResolved(NOW, ObjectionCategory.PRICE));
    FireResult won = engine.fire("D-1", new SalesEvent.ClosedWon(NOW, new BigDecimal("22000")));

    assertThat(blocked).isInstanceOfSatisfying(FireResult.Rejected.class, r -> {
      assertThat(r.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
      assertThat(r.reasons()).containsExactly("objections: 1 open (price); resolve it before moving on");
    });
    assertThat(won.isAccepted()).isTrue();
    Deal deal = engine.get("D-1");
    assertThat(deal.stage()).isEqualTo("won");
    assertThat(deal.version()).isEqualTo(6);
    assertThat(deal.history().asList()).extracting(r -> r.from() + ">" + r.to()).containsExactly(
        "qualifying>qualifying", "qualifying>proposal", "proposal>closing", "closing>closing", "closing>closing",
        "closing>won");
    assertThat(deal.facts().amount()).contains(new BigDecimal("22000"));
    assertThat(heard).hasSize(7);
  }

  @Test
  void rejectsWithEveryUnmetConditionAndChangesNothing() {
    Deal before = engine.start("D-2", "b2b-lite");
    FireResult result = engine.fire("D-2", new SalesEvent.QualificationAssessed(NOW,
        BantAssessment.builder().budget(new BigDecimal("4000"), true).build()));
    assertThat(result).isInstanceOfSatisfying(FireResult.Rejected.class, r -> assertThat(r.reasons())
        .containsExactly("authority: no decision-maker identified", "need: no pain points stated",
            "timing: no decision date known", "budget: 4,000 confirmed, at least 10,000 required"));
    assertThat(engine.get("D-2")).isEqualTo(before);
  }

  @Test
  void enforcesAStagesRequiredFieldsOnEntry() {
    SalesProcess strict = process().toBuilder()
        .replaceStage(process().stage("closing").toBuilder().addRequiredToEnter("po-number").build())
        .build();
    DealEngine engine = DealEngine.tableEngine().process(strict).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    engine.start("D-3", "b2b-lite");
    engine.fire("D-3", new SalesEvent.QualificationAssessed(NOW, qualified("30000")));
    FireResult result = engine.fire("D-3", new SalesEvent.ProposalSent(NOW, null));
    assertThat(result).isInstanceOfSatisfying(FireResult.Rejected.class,
        r -> assertThat(r.reasons()).containsExactlyInAnyOrder("amount: required but not set",
            "po-number: required but not set"));
    assertThat(engine.fire("D-3", new SalesEvent.ProposalSent(NOW, new BigDecimal("9000"))).isAccepted())
        .as("the amount alone is not enough").isFalse();
  }

  @Test
  void explainsEverythingThatBlocksADeal() {
    engine.start("D-4", "b2b-lite");
    engine.fire("D-4", new SalesEvent.FollowUpLogged(NOW, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE));
    List<TransitionOption> options = engine.explain("D-4");
    assertThat(options).extracting(o -> o.transition().event()).containsExactly(EventType.FOLLOW_UP_LOGGED,
        EventType.QUALIFICATION_ASSESSED, EventType.CLOSED_LOST);
    assertThat(options.get(0).allowed()).isTrue();
    assertThat(options.get(1).unmetConditions()).containsExactly("budget: unknown", "authority: no decision-maker"
        + " identified", "need: no pain points stated", "timing: no decision date known",
        "budget: unknown, at least 10,000 required");
    assertThat(options.get(2).unmetConditions()).singleElement().asString()
        .startsWith("follow-ups: 1 of 5 made before dropping for no response");
  }

  @Test
  void explainAnswersForOneConcreteEvent() {
    engine.start("D-5", "b2b-lite");
    Deal deal = engine.get("D-5");
    List<TransitionOption> competitor = engine.process("b2b-lite").explain(deal,
        new SalesEvent.ClosedLost(NOW, LossReason.COMPETITOR), NOW);
    assertThat(competitor).singleElement().satisfies(o -> assertThat(o.allowed()).isTrue());
  }
}
