package io.salesflow.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.FollowUpLog;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.TransitionGuard;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SalesGuardsTests {
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  static Deal deal(DealFacts facts) {
    return Deal.builder().id("D-1").processId("p").stage("s").version(0).createdAt(NOW).enteredStageAt(NOW)
        .facts(facts).build();
  }

  static GuardVerdict evaluate(TransitionGuard guard, DealFacts facts, SalesEvent event) {
    return guard.evaluate(GuardContext.of(deal(facts), event, NOW));
  }

  static GuardVerdict qualify(TransitionGuard guard, BantAssessment bant) {
    return evaluate(guard, DealFacts.none(), new SalesEvent.QualificationAssessed(NOW, bant));
  }

  static DealFacts followUps(int count, FollowUpOutcome outcome) {
    List<FollowUp> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new FollowUp(NOW.minus(Duration.ofDays(count - i)), ContactChannel.EMAIL, outcome));
    }
    return DealFacts.builder().followUps(FollowUpLog.of(list)).build();
  }

  @Nested
  class Bant {
    @Test
    void allConfirmedListsEveryUnconfirmedDimension() {
      GuardVerdict verdict = qualify(SalesGuards.bantAllConfirmed(),
          BantAssessment.builder().budget(new BigDecimal("5000"), false).painPoints("churn").build());
      assertThat(verdict.reasons()).containsExactly(
          "budget: 5,000 mentioned but not confirmed",
          "authority: no decision-maker identified",
          "timing: no decision date known");
    }

    @Test
    void atLeastKDeniesKMinusOneAndAllowsK() {
      BantAssessment two = BantAssessment.builder().budget(new BigDecimal("1"), true).authority(true, 6).build();
      BantAssessment three = two.toBuilder().painPoints("slow quotes").build();
      assertThat(qualify(SalesGuards.bantAtLeast(3), two).reasons()).containsExactly(
          "BANT: 2 of 4 dimensions confirmed, at least 3 required",
          "need: no pain points stated",
          "timing: no decision date known");
      assertThat(qualify(SalesGuards.bantAtLeast(3), three).allowed()).isTrue();
    }

    @Test
    void atLeastKRejectsImpossibleK() {
      assertThatThrownBy(() -> SalesGuards.bantAtLeast(5)).hasMessageContaining("between 1 and 4");
      assertThatThrownBy(() -> SalesGuards.bantAtLeast(0)).hasMessageContaining("but was 0");
    }

    @Test
    void minimumBudgetDeniesJustUnderAndAllowsAtTheMinimum() {
      TransitionGuard guard = SalesGuards.minimumConfirmedBudget(new BigDecimal("10000"));
      assertThat(qualify(guard, BantAssessment.builder().budget(new BigDecimal("9999.99"), true).build()).reasons())
          .containsExactly("budget: 9,999.99 confirmed, at least 10,000 required");
      assertThat(qualify(guard, BantAssessment.builder().budget(new BigDecimal("4000"), true).build()).reasons())
          .containsExactly("budget: 4,000 confirmed, at least 10,000 required");
      assertThat(qualify(guard, BantAssessment.builder().budget(new BigDecimal("10000"), true).build()).allowed())
          .isTrue();
      assertThat(qualify(guard, BantAssessment.builder().budget(new BigDecimal("50000"), false).build()).reasons())
          .containsExactly("budget: 50,000 mentioned but not confirmed, at least 10,000 required");
      assertThat(qualify(guard, BantAssessment.unknown()).reasons())
          .containsExactly("budget: unknown, at least 10,000 required");
    }

    @Test
    void decisionDateMustFallWithinTheHorizon() {
      TransitionGuard guard = SalesGuards.decisionWithin(Period.ofDays(30));
      LocalDate today = LocalDate.of(2026, 11, 2);
      assertThat(qualify(guard, BantAssessment.builder().decisionBy(today).build()).allowed()).isTrue();
      assertThat(qualify(guard, BantAssessment.builder().decisionBy(today.plusDays(30)).build()).allowed()).isTrue();
      assertThat(qualify(guard, BantAssessment.builder().decisionBy(today.plusDays(31)).build()).reasons())
          .containsExactly("timing: decision date 2026-12-03 is after 2026-12-02, the end of the P30D horizon");
      assertThat(qualify(guard, BantAssessment.builder().decisionBy(today.minusDays(1)).build()).reasons())
          .containsExactly("timing: decision date 2026-11-01 has passed; agree a new one");
      assertThat(qualify(guard, BantAssessment.unknown()).reasons())
          .containsExactly("timing: no decision date known, one within P30D required");
    }

    @Test
    void userDefinedPolicyReportsItsOwnConditions() {
      TransitionGuard twoPains = SalesGuards.bant("two pain points", bant -> bant.need()
          .filter(n -> n.painPoints().size() >= 2).isPresent()
          ? List.of() : List.of("need: fewer than two pain points stated"));
      assertThat(twoPains.label()).isEqualTo("two pain points");
      assertThat(qualify(twoPains, BantAssessment.builder().painPoints("a").build()).reasons())
          .containsExactly("need: fewer than two pain points stated");
      assertThat(qualify(twoPains, BantAssessment.builder().painPoints("a", "b").build()).allowed()).isTrue();
    }
  }

  @Nested
  class FollowUps {
    @Test
    void noResponseLossNeedsNFollowUps() {
      TransitionGuard guard = SalesGuards.followUpsBeforeNoResponseLoss();
      SalesEvent noResponse = new SalesEvent.ClosedLost(NOW, LossReason.NO_RESPONSE);
      GuardVerdict four = evaluate(guard, followUps(4, FollowUpOutcome.NO_RESPONSE), noResponse);
      assertThat(four.reasons()).singleElement().asString()
          .startsWith("follow-ups: 4 of 5 made before dropping for no response").endsWith("follow up 1 more time");
      assertThat(evaluate(guard, followUps(5, FollowUpOutcome.NO_RESPONSE), noResponse).allowed()).isTrue();
    }

    @Test
    void otherLossReasonsAreNotHeldBack() {
      TransitionGuard guard = SalesGuards.followUpsBeforeNoResponseLoss(5);
      assertThat(evaluate(guard, DealFacts.none(), new SalesEvent.ClosedLost(NOW, LossReason.COMPETITOR)).allowed())
          .isTrue();
    }

    @Test
    void thresholdIsConfigurable() {
      TransitionGuard guard = SalesGuards.followUpsBeforeNoResponseLoss(2);
      SalesEvent noResponse = new SalesEvent.ClosedLost(NOW, LossReason.NO_RESPONSE);
      assertThat(evaluate(guard, followUps(1, FollowUpOutcome.NO_RESPONSE), noResponse).allowed()).isFalse();
      assertThat(evaluate(guard, followUps(2, FollowUpOutcome.NO_RESPONSE), noResponse).allowed()).isTrue();
      assertThat(guard.label()).isEqualTo("2 follow-ups before no-response loss");
    }

    @Test
    void nurtureNeedsMUnansweredInARow() {
      TransitionGuard guard = SalesGuards.unansweredFollowUpsAtLeast(3);
      SalesEvent nurture = new SalesEvent.Custom(io.salesflow.EventType.custom("move-to-nurture"), NOW);
      assertThat(evaluate(guard, followUps(2, FollowUpOutcome.NO_RESPONSE), nurture).reasons())
          .containsExactly("follow-ups: 2 unanswered in a row, 3 required first");
      assertThat(evaluate(guard, followUps(3, FollowUpOutcome.NO_RESPONSE), nurture).allowed()).isTrue();
      DealFacts answeredAtLast = followUps(3, FollowUpOutcome.NO_RESPONSE)
          .apply(new SalesEvent.FollowUpLogged(NOW, ContactChannel.PHONE, FollowUpOutcome.RESPONDED));
      assertThat(evaluate(guard, answeredAtLast, nurture).allowed()).isFalse();
    }

    @Test
    void theEventBeingFiredCounts() {
      TransitionGuard guard = SalesGuards.unansweredFollowUpsAtLeast(3);
      SalesEvent third = new SalesEvent.FollowUpLogged(NOW, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE);
      assertThat(evaluate(guard, followUps(2, FollowUpOutcome.NO_RESPONSE), third).allowed()).isTrue();
    }
  }

  @Nested
  class Cadence {
    final FollowUpCadence cadence = FollowUpCadence.every(Duration.ofDays(3));

    @Test
    void nextFollowUpIsDueAnIntervalAfterTheLastOne() {
      Deal deal = deal(followUps(2, FollowUpOutcome.NO_RESPONSE)).toBuilder()
          .enteredStageAt(NOW.minus(Duration.ofDays(10))).build();
      Instant last = NOW.minus(Duration.ofDays(1));
      assertThat(cadence.nextDue(deal)).isEqualTo(last.plus(Duration.ofDays(3)));
      Deal movedOnSince = deal.toBuilder().enteredStageAt(NOW).build();
      assertThat(cadence.nextDue(movedOnSince)).as("follow-ups before the stage was entered do not count")
          .isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void dueExactlyNowIsNotOverdueButASecondLaterIs() {
      Deal fresh = deal(DealFacts.none());
      Instant due = NOW.plus(Duration.ofDays(3));
      assertThat(cadence.isOverdue(fresh, due)).isFalse();
      assertThat(cadence.isOverdue(fresh, due.plusSeconds(1))).isTrue();
      assertThat(cadence.overdue(List.of(fresh), due.plusSeconds(1))).containsExactly(fresh);
      assertThat(cadence.overdue(List.of(fresh), due)).isEmpty();
    }

    @Test
    void rejectsANonPositiveInterval() {
      assertThatThrownBy(() -> FollowUpCadence.every(Duration.ZERO)).hasMessageContaining("must be positive");
    }
  }

  @Nested
  class ObjectionsChannelsAndFields {
    @Test
    void openObjectionsBlockUntilResolved() {
      DealFacts open = DealFacts.none()
          .apply(new SalesEvent.ObjectionRaised(NOW, ObjectionCategory.PRICE, "too dear"))
          .apply(new SalesEvent.ObjectionRaised(NOW, ObjectionCategory.COMPETITOR));
      SalesEvent win = new SalesEvent.ClosedWon(NOW, BigDecimal.TEN);
      assertThat(evaluate(SalesGuards.noOpenObjections(), open, win).reasons())
          .containsExactly("objections: 2 open (price, competitor); resolve them before moving on");
      DealFacts resolved = open.apply(new SalesEvent.ObjectionResolved(NOW, ObjectionCategory.PRICE))
          .apply(new SalesEvent.ObjectionResolved(NOW, ObjectionCategory.COMPETITOR));
      assertThat(evaluate(SalesGuards.noOpenObjections(), resolved, win).allowed()).isTrue();
    }

    @Test
    void twoChannelsAreNeededToLeaveContact() {
      TransitionGuard guard = SalesGuards.contactChannelsAtLeast(2);
      SalesEvent emailAgain = new SalesEvent.ContactMade(NOW, ContactChannel.EMAIL);
      DealFacts email = DealFacts.none().apply(emailAgain);
      assertThat(evaluate(guard, email, emailAgain).reasons())
          .containsExactly("contact: reached through 1 channel (email), at least 2 different channels required");
      assertThat(evaluate(guard, email, new SalesEvent.ContactMade(NOW, ContactChannel.PHONE)).allowed()).isTrue();
    }

    @Test
    void requiredFieldsNameEachMissingField() {
      TransitionGuard guard = TransitionGuard.requiredFields("amount", "contract", "po-number");
      SalesEvent proposal = new SalesEvent.ProposalSent(NOW, null);
      assertThat(evaluate(guard, DealFacts.none(), proposal).reasons()).containsExactly(
          "amount: required but not set", "contract: not signed yet", "po-number: required but not set");
      DealFacts complete = DealFacts.builder().amount(BigDecimal.ONE).contractSignedAt(NOW)
          .putAttributes("po-number", "PO-7").build();
      assertThat(evaluate(guard, complete, proposal).allowed()).isTrue();
    }
  }
}
