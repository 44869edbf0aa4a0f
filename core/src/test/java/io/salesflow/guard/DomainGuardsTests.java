package io.salesflow.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.DealFacts;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.DealFacts.Scorecard;
import io.salesflow.DealFacts.Scorecard.Element;
import io.salesflow.DealFacts.Scorecard.Framework;
import io.salesflow.DealFacts.Stakeholder;
import io.salesflow.EventType;
import io.salesflow.FollowUpLog;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorecard, stakeholder and rejection guards: what they allow and how each denial names what is missing. */
class DomainGuardsTests {
  static final Instant NOW = SalesGuardsTests.NOW;

  static GuardVerdict score(TransitionGuard guard, Scorecard card) {
    return guard.evaluate(GuardContext.of(SalesGuardsTests.deal(DealFacts.none()),
        new SalesEvent.QualificationScored(NOW, card), NOW));
  }

  /** A custom process that qualifies on MEDDIC: all six elements before the demo. */
  static SalesProcess meddicProcess() {
    return SalesProcess.builder("meddic-demo")
        .stage(Stage.open("qualification", "Qualification"))
        .stage(Stage.open("demo", "Demo"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("qualification")
        .transition("qualification", EventType.QUALIFICATION_SCORED, "demo",
            SalesGuards.scorecardAllConfirmed(Framework.MEDDIC))
        .transition("demo", EventType.CLOSED_WON, "won")
        .transition("qualification", EventType.CLOSED_LOST, "lost")
        .transition("demo", EventType.CLOSED_LOST, "lost")
        .build();
  }

  @Test
  void aMeddicProcessRefusesToLeaveQualificationWhileTheChampionOrTheEconomicBuyerIsUnknownNamingEach() {
    DealEngine engine = DealEngine.tableEngine().process(meddicProcess()).build();
    engine.start("D-1", "meddic-demo");
    Scorecard card = Scorecard.of(Framework.MEDDIC)
        .confirm(Element.METRICS, "halve quote time")
        .confirm(Element.DECISION_CRITERIA, "price, integrations")
        .confirm(Element.DECISION_PROCESS, "pilot, then board")
        .confirm(Element.IDENTIFIED_PAIN, "quotes take a week");

    FireResult result = engine.fire("D-1", new SalesEvent.QualificationScored(NOW, card));

    assertThat(result).isInstanceOf(FireResult.Rejected.class);
    assertThat(((FireResult.Rejected) result).reasons())
        .containsExactly("MEDDIC: economic buyer unknown", "MEDDIC: champion unknown");
    assertThat(engine.get("D-1").stage()).isEqualTo("qualification");

    FireResult champion = engine.fire("D-1", new SalesEvent.QualificationScored(NOW,
        card.confirm(Element.CHAMPION, "Dana").identify(Element.ECONOMIC_BUYER, "the CFO")));
    assertThat(((FireResult.Rejected) champion).reasons())
        .containsExactly("MEDDIC: economic buyer identified but not confirmed ('the CFO')");

    FireResult qualified = engine.fire("D-1", new SalesEvent.QualificationScored(NOW,
        card.confirm(Element.CHAMPION, "Dana").confirm(Element.ECONOMIC_BUYER, "the CFO")));
    assertThat(qualified.isAccepted()).isTrue();
    assertThat(qualified.deal().stage()).isEqualTo("demo");
    assertThat(qualified.deal().facts().scorecard(Framework.MEDDIC).confirmedCount()).isEqualTo(6);
  }

  @Test
  void atLeastAndRequiredElementsNameWhatIsMissing() {
    Scorecard card = Scorecard.of(Framework.MEDDPICC).confirm(Element.PAPER_PROCESS, "")
        .confirm(Element.COMPETITION, "two vendors");
    assertThat(score(SalesGuards.scorecardAtLeast(Framework.MEDDPICC, 3), card).reasons()).first()
        .isEqualTo("MEDDPICC: 2 of 8 elements confirmed, at least 3 required");
    assertThat(score(SalesGuards.scorecardAtLeast(Framework.MEDDPICC, 2), card).allowed()).isTrue();
    assertThat(score(SalesGuards.scorecardRequires(Framework.MEDDPICC, Element.CHAMPION, Element.PAPER_PROCESS),
        card).reasons()).containsExactly("MEDDPICC: champion unknown");
    assertThat(score(SalesGuards.scorecardAllConfirmed(Framework.CHAMP),
        Scorecard.of(Framework.CHAMP).confirm(Element.MONEY, "50k")).reasons())
        .containsExactly("CHAMP: challenges unknown", "CHAMP: authority unknown", "CHAMP: prioritization unknown");
    assertThat(SalesGuards.scorecardAllConfirmed(Framework.MEDDPICC).label()).isEqualTo("MEDDPICC: all 8 confirmed");
  }

  @Test
  void refusesElementsOfAnotherFrameworkAndThresholdsOutOfRange() {
    assertThatThrownBy(() -> SalesGuards.scorecardRequires(Framework.MEDDIC, Element.PAPER_PROCESS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paper process is not an element of MEDDIC");
    assertThatThrownBy(() -> SalesGuards.scorecardAtLeast(Framework.CHAMP, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 4");
    assertThatThrownBy(() -> Scorecard.of(Framework.CHAMP).confirm(Element.CHAMPION, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("champion is not an element of CHAMP");
  }

  @Test
  void aScorecardReplacesTheOneOfItsFrameworkAndKeepsTheOthers() {
    DealFacts facts = DealFacts.none()
        .apply(new SalesEvent.QualificationScored(NOW, Scorecard.of(Framework.CHAMP).confirm(Element.MONEY, "")))
        .apply(new SalesEvent.QualificationScored(NOW, Scorecard.of(Framework.MEDDIC).confirm(Element.METRICS, "")))
        .apply(new SalesEvent.QualificationScored(NOW, Scorecard.of(Framework.CHAMP).confirm(Element.AUTHORITY, "")));
    assertThat(facts.scorecards()).extracting(Scorecard::framework).containsExactly(Framework.MEDDIC, Framework.CHAMP);
    assertThat(facts.scorecard(Framework.CHAMP).confirmed(Element.MONEY)).isFalse();
    assertThat(facts.scorecard(Framework.CHAMP).confirmed(Element.AUTHORITY)).isTrue();
    assertThat(facts.scorecard(Framework.MEDDPICC).findings()).isEmpty();
  }

  @Test
  void stakeholderCoverageNeedsEnoughStakeholdersAndADecisionMaker() {
    TransitionGuard guard = SalesGuards.stakeholdersEngaged(3);
    DealFacts two = DealFacts.builder()
        .addStakeholders(new Stakeholder("dana@acme.example", StakeholderRole.CHAMPION, NOW))
        .addStakeholders(new Stakeholder("lee@acme.example", StakeholderRole.USER, NOW)).build();
    SalesEvent event = new SalesEvent.PresentationDelivered(NOW);

    assertThat(SalesGuardsTests.evaluate(guard, two, event).reasons()).containsExactly(
        "stakeholders: 2 engaged, at least 3 required (a typical purchase involves 6.8)",
        "stakeholders: no decision-maker or economic buyer engaged");
    DealFacts three = two.apply(new SalesEvent.StakeholderEngaged(NOW, "cfo@acme.example",
        StakeholderRole.ECONOMIC_BUYER));
    assertThat(SalesGuardsTests.evaluate(guard, three, event).allowed()).isTrue();
    DealFacts again = three.apply(new SalesEvent.StakeholderEngaged(NOW.plusSeconds(60), "lee@acme.example",
        StakeholderRole.DECISION_MAKER));
    assertThat(again.stakeholders()).hasSize(3).element(1)
        .isEqualTo(new Stakeholder("lee@acme.example", StakeholderRole.DECISION_MAKER, NOW));
    assertThatThrownBy(() -> SalesGuards.stakeholdersEngaged(0)).isInstanceOf(IllegalArgumentException.class);
  }

  static DealFacts followUps(FollowUpOutcome... outcomes) {
    List<FollowUp> list = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      list.add(new FollowUp(NOW.minus(Duration.ofDays(outcomes.length - i)), ContactChannel.PHONE, outcomes[i]));
    }
    return DealFacts.builder().followUps(FollowUpLog.of(list)).build();
  }

  @Test
  void givingUpAfterOneRejectionIsRefusedUntilTheRejectionsWereHandled() {
    TransitionGuard guard = SalesGuards.rejectionsBeforeLoss(3);
    SalesEvent loss = new SalesEvent.ClosedLost(NOW, LossReason.NO_DECISION);

    assertThat(SalesGuardsTests.evaluate(guard, followUps(FollowUpOutcome.REJECTED), loss).reasons()).containsExactly(
        "rejections: 1 of 3 handled before giving up; 44% of sellers give up after one rejection, though most"
            + " sales need five follow-ups, so follow up again");
    assertThat(SalesGuardsTests.evaluate(guard, followUps(FollowUpOutcome.REJECTED, FollowUpOutcome.RESPONDED,
        FollowUpOutcome.REJECTED, FollowUpOutcome.REJECTED), loss).allowed()).isTrue();
    assertThat(SalesGuardsTests.evaluate(guard, followUps(FollowUpOutcome.NO_RESPONSE), loss).allowed()).isTrue();
    assertThat(SalesGuardsTests.evaluate(guard, followUps(FollowUpOutcome.REJECTED),
        new SalesEvent.ClosedLost(NOW, LossReason.COMPETITOR)).allowed()).isTrue();
    assertThat(SalesGuardsTests.evaluate(guard, followUps(FollowUpOutcome.REJECTED),
        new SalesEvent.PresentationDelivered(NOW)).allowed()).isTrue();
    assertThatThrownBy(() -> SalesGuards.rejectionsBeforeLoss(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
