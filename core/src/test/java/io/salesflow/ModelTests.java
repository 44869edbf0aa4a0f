package io.salesflow;

import static io.salesflow.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.DealFacts.Objection;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTests {

  @Test
  void stageRejectsAWinProbabilityOutsideZeroToOne() {
    assertThatThrownBy(() -> Stage.builder().id("x").name("X").kind(StageKind.OPEN).winProbability(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("win probability of stage 'x' must be between 0 and 1, but was 1.5");
  }

  @Test
  void stageRejectsANonPositiveStallThreshold() {
    assertThatThrownBy(() -> Stage.builder().id("x").name("X").kind(StageKind.OPEN).stallAfter(Duration.ZERO)
        .build()).hasMessageContaining("must be positive");
  }

  @Test
  void stageNamesTheMissingAttribute() {
    assertThatThrownBy(() -> Stage.builder().id("x").kind(StageKind.OPEN).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("name");
  }

  @Test
  void terminalKindsAreWonAndLost() {
    assertThat(StageKind.WON.isTerminal()).isTrue();
    assertThat(StageKind.LOST.isTerminal()).isTrue();
    assertThat(StageKind.OPEN.isTerminal()).isFalse();
    assertThat(StageKind.POST_SALE.isTerminal()).isFalse();
    assertThat(StageKind.POST_SALE.isWon()).isTrue();
  }

  @Test
  void customEventTypesMustNotShadowBuiltIns() {
    assertThat(EventType.custom("demo-booked").isBuiltIn()).isFalse();
    assertThatThrownBy(() -> EventType.custom("closed-won")).hasMessageContaining("built-in");
    assertThatThrownBy(() -> new SalesEvent.Custom(EventType.CLOSED_WON, T0)).hasMessageContaining("built-in");
    assertThatThrownBy(() -> EventType.custom("Demo Booked")).hasMessageContaining("kebab-case");
  }

  @Test
  void eventsRejectNullsNamingTheArgument() {
    assertThatThrownBy(() -> new SalesEvent.ContactMade(T0, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("channel must not be null");
    assertThatThrownBy(() -> new SalesEvent.ClosedWon(T0, new BigDecimal("-1")))
        .hasMessage("amount must not be negative, but was -1");
  }

  @Test
  void factsFollowTheEventsApplied() {
    DealFacts facts = DealFacts.none()
        .apply(new SalesEvent.ContactMade(T0, ContactChannel.EMAIL, ApproachMethod.QUESTION))
        .apply(new SalesEvent.FollowUpLogged(T0, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE))
        .apply(new SalesEvent.FollowUpLogged(T0, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE))
        .apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.PRICE, "too dear"))
        .apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.TIMING))
        .apply(new SalesEvent.ObjectionResolved(T0, ObjectionCategory.PRICE))
        .apply(new SalesEvent.ProposalSent(T0, new BigDecimal("12000")))
        .apply(new SalesEvent.Custom(EventType.custom("buy-in-confirmed"), T0, Map.of("buy-in", "cfo")));
    assertThat(facts.contactChannels()).containsExactlyInAnyOrder(ContactChannel.EMAIL, ContactChannel.PHONE);
    assertThat(facts.approachMethod()).contains(ApproachMethod.QUESTION);
    assertThat(facts.followUps().count()).isEqualTo(2);
    assertThat(facts.followUps().unansweredInARow()).isEqualTo(2);
    assertThat(facts.openObjections()).extracting(Objection::category).containsExactly(ObjectionCategory.TIMING);
    assertThat(facts.resolvedObjections()).isEqualTo(1);
    assertThat(facts.field("amount")).contains("12000");
    assertThat(facts.field("proposal")).isPresent();
    assertThat(facts.field("contract")).isEmpty();
    assertThat(facts.field("buy-in")).contains("cfo");
    DealFacts answered = facts.apply(new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL,
        FollowUpOutcome.RESPONDED));
    assertThat(answered.followUps().unansweredInARow()).isZero();
    assertThat(facts.followUps().count()).as("the earlier facts are unchanged").isEqualTo(2);
  }

  @Test
  void resolvingACategoryClosesEachOfItsObjectionsAndCountsThem() {
    DealFacts raised = DealFacts.none()
        .apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.PRICE, "too dear"))
        .apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.TIMING))
        .apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.PRICE, "still too dear"));
    assertThat(raised.openObjections()).extracting(Objection::category)
        .containsExactly(ObjectionCategory.PRICE, ObjectionCategory.TIMING, ObjectionCategory.PRICE);
    DealFacts priceResolved = raised.apply(new SalesEvent.ObjectionResolved(T0, ObjectionCategory.PRICE));
    assertThat(priceResolved.openObjections()).extracting(Objection::category)
        .containsExactly(ObjectionCategory.TIMING);
    assertThat(priceResolved.resolvedObjections()).isEqualTo(2);
    DealFacts allResolved = priceResolved.apply(new SalesEvent.ObjectionResolved(T0, ObjectionCategory.TIMING));
    assertThat(allResolved.openObjections()).isEmpty();
    assertThat(allResolved.resolvedObjections()).isEqualTo(3);
    assertThat(allResolved.apply(new SalesEvent.ObjectionResolved(T0, ObjectionCategory.TIMING)))
        .as("nothing open of that category: the same facts").isSameAs(allResolved);
    assertThat(raised.openObjections()).as("the earlier facts are unchanged").hasSize(3);
    assertThatThrownBy(() -> allResolved.openObjections().add(raised.openObjections().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aFirstObjectionIsKeptWithItsCategoryDetailAndTimeInAnUnmodifiableList() {
    Instant later = T0.plusSeconds(90);
    DealFacts first = DealFacts.none().apply(new SalesEvent.ObjectionRaised(later, ObjectionCategory.AUTHORITY,
        "needs the board"));
    assertThat(first.openObjections()).containsExactly(new Objection(ObjectionCategory.AUTHORITY, "needs the board",
        later));
    assertThat(first).isEqualTo(DealFacts.builder()
        .addOpenObjections(new Objection(ObjectionCategory.AUTHORITY, "needs the board", later)).build())
        .hasSameHashCodeAs(DealFacts.builder()
            .addOpenObjections(new Objection(ObjectionCategory.AUTHORITY, "needs the board", later)).build());
    assertThatThrownBy(() -> first.openObjections().add(first.openObjections().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    DealFacts second = first.apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.PRICE));
    assertThat(second.openObjections()).extracting(Objection::category)
        .containsExactly(ObjectionCategory.AUTHORITY, ObjectionCategory.PRICE);
    assertThat(first.openObjections()).as("the earlier facts are unchanged").hasSize(1);
    // resolved and raised again: the list starts empty once more
    DealFacts again = second.apply(new SalesEvent.ObjectionResolved(T0, ObjectionCategory.AUTHORITY))
        .apply(new SalesEvent.ObjectionResolved(T0, ObjectionCategory.PRICE))
        .apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.TIMING));
    assertThat(again.openObjections()).extracting(Objection::category).containsExactly(ObjectionCategory.TIMING);
    assertThat(again.resolvedObjections()).isEqualTo(2);
  }

  @Test
  void aWinForTheProposedAmountKeepsTheVeryFactsAndAnotherAmountCopiesThem() {
    DealFacts proposed = DealFacts.none().apply(new SalesEvent.ProposalSent(T0, new BigDecimal("24000")));
    assertThat(proposed.apply(new SalesEvent.ClosedWon(T0, new BigDecimal("24000"))))
        .as("an equal amount, another instance: nothing to copy").isSameAs(proposed);
    DealFacts discounted = proposed.apply(new SalesEvent.ClosedWon(T0, new BigDecimal("21000")));
    assertThat(discounted).isNotSameAs(proposed);
    assertThat(discounted.amount()).contains(new BigDecimal("21000"));
    assertThat(proposed.amount()).as("the earlier facts are unchanged").contains(new BigDecimal("24000"));
  }

  @Test
  void anEarlyLossSharesItsMilestonesByReasonAndALaterOneKeepsWhatWasKnown() {
    for (LossReason reason : LossReason.values()) {
      DealFacts one = DealFacts.none().apply(new SalesEvent.ClosedLost(T0, reason));
      DealFacts other = DealFacts.builder().source("web").build().apply(new SalesEvent.ClosedLost(T0, reason));
      assertThat(one.lossReason()).contains(reason);
      assertThat(other.lossReason()).contains(reason);
      assertThat(other.milestones()).as("one value per reason").isSameAs(one.milestones());
      assertThat(one).isEqualTo(DealFacts.builder().lossReason(reason).build());
      assertThat(one.proposalSentAt()).isEmpty();
      assertThat(one.closingTechnique()).isEmpty();
      DealFacts withTechnique = DealFacts.none().apply(new SalesEvent.ClosedLost(T0, reason, "",
          ClosingTechnique.OTHER));
      assertThat(withTechnique.closingTechnique()).contains(ClosingTechnique.OTHER);
      assertThat(withTechnique.milestones()).isNotSameAs(one.milestones());
      DealFacts afterProposal = DealFacts.none().apply(new SalesEvent.ProposalSent(T0, null))
          .apply(new SalesEvent.ClosedLost(T0, reason));
      assertThat(afterProposal.proposalSentAt()).contains(T0);
      assertThat(afterProposal.lossReason()).contains(reason);
    }
    assertThat(DealFacts.none().lossReason()).as("the shared values leave the facts without a loss alone").isEmpty();
  }

  @Test
  void aFirstAndASecondContactChannelAreBothKept() {
    DealFacts once = DealFacts.none().apply(new SalesEvent.ContactMade(T0, ContactChannel.PHONE));
    assertThat(once.contactChannels()).containsExactly(ContactChannel.PHONE);
    DealFacts twice = once.apply(new SalesEvent.ContactMade(T0, ContactChannel.EMAIL));
    assertThat(twice.contactChannels()).containsExactlyInAnyOrder(ContactChannel.PHONE, ContactChannel.EMAIL);
    assertThat(twice.apply(new SalesEvent.ContactMade(T0, ContactChannel.EMAIL))).isSameAs(twice);
    assertThat(once.contactChannels()).as("the earlier facts are unchanged").containsExactly(ContactChannel.PHONE);
  }

  @Test
  void factsBuilderRoundTripsEveryFactAndRejectsNullsByName() {
    DealFacts facts = DealFacts.builder()
        .bant(BantAssessment.builder().budget(new BigDecimal("9000"), true).build())
        .amount(new BigDecimal("9000")).source("referral: ACME").leadTemperature(LeadTemperature.HOT)
        .approachMethod(ApproachMethod.QUESTION).closingTechnique(ClosingTechnique.ALTERNATIVE_CHOICE)
        .addContactChannels(ContactChannel.PHONE, ContactChannel.EMAIL)
        .addOpenObjections(new Objection(ObjectionCategory.PRICE, "too dear", T0))
        .resolvedObjections(2).presentations(3).referralsGiven(1)
        .proposalSentAt(T0).contractSignedAt(T0.plusSeconds(60)).onboardedAt(T0.plusSeconds(120))
        .lossReason(LossReason.COMPETITOR).disqualificationReason("no fit").putAttributes("region", "emea")
        .build();
    assertThat(facts.toBuilder().build()).isEqualTo(facts).hasSameHashCodeAs(facts);
    assertThat(facts.toString()).startsWith("DealFacts{bant=").contains("amount=9000", "source=referral: ACME",
        "closingTechnique=ALTERNATIVE_CHOICE", "presentations=3", "onboardedAt=", "attributes={region=emea}");
    assertThat(DealFacts.none().toString()).doesNotContain("amount=", "source=", "lossReason=");
    assertThat(facts.toBuilder().source(java.util.Optional.empty()).build().source()).isEmpty();
    assertThat(DealFacts.builder().build()).isEqualTo(DealFacts.none());
    assertThatThrownBy(() -> DealFacts.builder().source((String) null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> DealFacts.builder().putAttributes("region", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("region");
  }

  @Test
  void rarelyChangedFactsSurviveTheEventsThatChangeOthers() {
    DealFacts won = DealFacts.builder().source("web").build()
        .apply(new SalesEvent.LeadScored(T0, LeadTemperature.WARM))
        .apply(new SalesEvent.ProposalSent(T0, new BigDecimal("500")))
        .apply(new SalesEvent.ContractSigned(T0))
        .apply(new SalesEvent.ClosedWon(T0, new BigDecimal("450"), ClosingTechnique.EXTRA_INDUCEMENT))
        .apply(new SalesEvent.OnboardingDone(T0))
        .apply(new SalesEvent.ReferralReceived(T0, "D-9"));
    assertThat(won.source()).contains("web");
    assertThat(won.leadTemperature()).contains(LeadTemperature.WARM);
    assertThat(won.proposalSentAt()).contains(T0);
    assertThat(won.contractSignedAt()).contains(T0);
    assertThat(won.onboardedAt()).contains(T0);
    assertThat(won.closingTechnique()).contains(ClosingTechnique.EXTRA_INDUCEMENT);
    assertThat(won.amount()).contains(new BigDecimal("450"));
    assertThat(won.referralsGiven()).isEqualTo(1);
    DealFacts lost = won.apply(new SalesEvent.ClosedLost(T0, LossReason.NO_DECISION));
    assertThat(lost.lossReason()).contains(LossReason.NO_DECISION);
    assertThat(lost.closingTechnique()).as("a loss without a technique keeps the recorded one")
        .contains(ClosingTechnique.EXTRA_INDUCEMENT);
    DealFacts disqualified = DealFacts.none().apply(new SalesEvent.Disqualified(T0, "student project"));
    assertThat(disqualified.disqualificationReason()).contains("student project");
    assertThat(disqualified.lossReason()).contains(LossReason.NOT_A_FIT);
    assertThat(won.source()).as("earlier facts are unchanged").contains("web");
    assertThat(DealFacts.none().lossReason()).isEmpty();
  }

  @Test
  void historyAppendsWithoutChangingEarlierSnapshots() {
    TransitionRecord first = new TransitionRecord(1, "lead", "demo",
        new SalesEvent.PresentationDelivered(T0), T0, false);
    TransitionHistory one = TransitionHistory.empty().append(first);
    TransitionHistory two = one.append(new TransitionRecord(2, "demo", "demo",
        new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED), T0, true));
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.asList()).hasSize(2).startsWith(first);
    assertThat(TransitionHistory.of(two.asList())).isEqualTo(two);
  }

  @Test
  void historyKeepsIdempotencyKeysAndFindsARecordByItsKey() {
    TransitionRecord keyed = new TransitionRecord(1, "lead", "demo", new SalesEvent.PresentationDelivered(T0), T0,
        false, "req-1");
    TransitionRecord plain = new TransitionRecord(2, "demo", "demo",
        new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED), T0, true);
    TransitionHistory history = TransitionHistory.of(java.util.List.of(keyed, plain));

    assertThat(history.asList()).containsExactly(keyed, plain);
    assertThat(history.withIdempotencyKey("req-1")).contains(keyed);
    assertThat(history.withIdempotencyKey("req-2")).isEmpty();
    assertThat(TransitionHistory.empty().withIdempotencyKey("req-1")).isEmpty();
    assertThatThrownBy(() -> new TransitionRecord(1, "lead", "demo", new SalesEvent.PresentationDelivered(T0), T0,
        false, " ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotency key");
  }

  @Test
  void historyRejectsARecordThatDoesNotContinueIt() {
    TransitionHistory one = TransitionHistory.empty().append(new TransitionRecord(1, "lead", "demo",
        new SalesEvent.PresentationDelivered(T0), T0, false));
    assertThatThrownBy(() -> one.append(new TransitionRecord(3, "demo", "won",
        new SalesEvent.ClosedWon(T0, BigDecimal.ONE), T0, false))).hasMessageContaining("version must be 2");
    assertThatThrownBy(() -> one.append(new TransitionRecord(2, "lead", "won",
        new SalesEvent.ClosedWon(T0, BigDecimal.ONE), T0, false))).hasMessageContaining("ended in 'demo'");
  }

  @Test
  void dealVersionMustEqualItsHistoryLength() {
    assertThatThrownBy(() -> Deal.builder().id("D-1").processId("p").stage("lead").version(2).createdAt(T0)
        .enteredStageAt(T0).build()).hasMessageContaining("version must equal the number of accepted transitions");
  }

  @Test
  void advanceAppendsTheRecordAndRejectsOneThatDoesNotContinueTheDeal() {
    Deal deal = Deal.builder().id("D-1").processId("p").stage("lead").version(0).createdAt(T0).enteredStageAt(T0)
        .build();
    Instant later = T0.plusSeconds(60);
    TransitionRecord first = new TransitionRecord(1, "lead", "demo", new SalesEvent.PresentationDelivered(later),
        later, false);
    Deal next = deal.advance(first, deal.facts());
    assertThat(next.stage()).isEqualTo("demo");
    assertThat(next.version()).isEqualTo(1);
    assertThat(next.enteredStageAt()).isEqualTo(later);
    assertThat(next.history().asList()).containsExactly(first);
    assertThat(deal.history().isEmpty()).isTrue();

    TransitionRecord internal = new TransitionRecord(2, "demo", "demo",
        new SalesEvent.FollowUpLogged(later.plusSeconds(60), ContactChannel.EMAIL, FollowUpOutcome.RESPONDED),
        later.plusSeconds(60), true);
    Deal third = next.advance(internal, next.facts());
    assertThat(third.enteredStageAt()).as("an internal transition keeps the stage entry time").isEqualTo(later);
    assertThat(third.history().asList()).containsExactly(first, internal);

    assertThatThrownBy(() -> next.advance(new TransitionRecord(3, "demo", "won",
        new SalesEvent.ClosedWon(T0, BigDecimal.ONE), T0, false), next.facts()))
        .hasMessageContaining("next transition record must have version 2, not 3");
    assertThatThrownBy(() -> next.advance(new TransitionRecord(2, "lead", "won",
        new SalesEvent.ClosedWon(T0, BigDecimal.ONE), T0, false), next.facts()))
        .hasMessageContaining("is in stage 'demo', so it cannot record a transition from 'lead'");
  }

  @Test
  void historyReadsBackEachRecordsFromStageTimeAndInternalFlagExactly() {
    Instant last = Instant.parse("2026-11-29T13:00:00.999999999Z");
    Instant early = Instant.parse("0001-01-01T00:00:00Z");
    TransitionRecord first = new TransitionRecord(1, "lead", "lead",
        new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED), last, true);
    TransitionRecord second = new TransitionRecord(2, "lead", "demo", new SalesEvent.PresentationDelivered(T0),
        early, false, null, "rep-ann");
    TransitionRecord third = new TransitionRecord(3, "demo", "demo",
        new SalesEvent.FollowUpLogged(T0, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), true, "k-3");
    TransitionHistory history = TransitionHistory.of(java.util.List.of(first, second, third));

    assertThat(history.asList()).containsExactly(first, second, third);
    assertThat(history.asList().get(0).internal()).isTrue();
    assertThat(history.asList().get(0).at().getNano()).isEqualTo(999_999_999);
    assertThat(history.asList().get(1).internal()).isFalse();
    assertThat(history.asList().get(1).from()).isEqualTo("lead");
    assertThat(history.latest()).contains(third);
    assertThat(history.hashCode()).isEqualTo(java.util.List.of(first, second, third).hashCode());
  }

  @Test
  void historiesStartingInManyStagesEachKeepTheirFirstFromStage() {
    // more start stages than the history shares its roots for, so that the later ones get a root of their own
    for (int i = 0; i < 5_000; i++) {
      TransitionRecord first = new TransitionRecord(1, "start-" + i, "demo",
          new SalesEvent.PresentationDelivered(T0), T0, false);
      TransitionHistory history = TransitionHistory.empty().append(first);
      assertThat(history.asList()).containsExactly(first);
      assertThat(history).isEqualTo(TransitionHistory.of(java.util.List.of(first)));
      assertThat(history.withIdempotencyKey("none")).isEmpty();
    }
  }

  @Test
  void dealReadsItsVersionFromItsHistoryAndKeepsItsTimesExactly() {
    Instant created = Instant.parse("2026-01-02T03:04:05.123456789Z");
    Instant entered = Instant.parse("0001-01-01T00:00:00.000000001Z");
    TransitionRecord first = new TransitionRecord(1, "lead", "demo", new SalesEvent.PresentationDelivered(T0),
        entered, false);
    Deal deal = Deal.builder().id("D-1").processId("p").processVersion(3).stage("demo").version(1)
        .createdAt(created).enteredStageAt(entered).history(TransitionHistory.of(java.util.List.of(first)))
        .owner("rep-ann").build();
    Deal same = deal.toBuilder().build();

    assertThat(deal.version()).isEqualTo(1);
    assertThat(deal.createdAt()).isEqualTo(created);
    assertThat(deal.enteredStageAt()).isEqualTo(entered);
    assertThat(same).isNotSameAs(deal).isEqualTo(deal);
    assertThat(same.hashCode()).isEqualTo(deal.hashCode());
    // the hash code Immutables generated for Deal, over the same attributes in the same order
    int h = 5381;
    h += (h << 5) + "D-1".hashCode();
    h += (h << 5) + "p".hashCode();
    h += (h << 5) + 3;
    h += (h << 5) + "demo".hashCode();
    h += (h << 5) + Long.hashCode(1);
    h += (h << 5) + created.hashCode();
    h += (h << 5) + entered.hashCode();
    h += (h << 5) + deal.facts().hashCode();
    h += (h << 5) + deal.history().hashCode();
    h += (h << 5) + 31 * "rep-ann".hashCode(); // the start key, owner and starter, hashed as a record of three
    assertThat(deal.hashCode()).isEqualTo(h);
    assertThat(deal.toBuilder().createdAt(created.plusNanos(1)).build()).isNotEqualTo(deal);
    assertThat(deal.toBuilder().enteredStageAt(entered.plusNanos(1)).build()).isNotEqualTo(deal);
    assertThat(deal.toBuilder().processVersion(2).build()).isNotEqualTo(deal);
    assertThatThrownBy(() -> deal.toBuilder().version(2).build())
        .hasMessageContaining("deal 'D-1' has version 2 but 1 history records");
  }

  @Test
  void dealsWithoutAStartKeyShareTheirOriginAndEachKeepsItsOwnAttributes() {
    Deal.Builder builder = Deal.builder().id("D-1").processId("p").processVersion(2).stage("lead").version(0)
        .createdAt(T0).enteredStageAt(T0).owner("rep-ann");
    Deal first = builder.build();
    Deal second = builder.id("D-2").build();
    Deal keyed = builder.id("D-3").startKey("k-3").build();

    assertThat(second.origin()).isSameAs(first.origin());
    assertThat(keyed.origin()).isNotSameAs(first.origin());
    assertThat(keyed.startKey()).isEqualTo("k-3");
    assertThat(builder.startKey(null).processVersion(3).build().origin()).isNotEqualTo(first.origin());
    // more owners than origins are shared for: each deal still reads back its own
    for (int i = 0; i < Deal.Origin.MAX_SHARED + 100; i++) {
      Deal deal = builder.id("D-" + i).owner("rep-" + i).startedBy("crm").build();
      assertThat(deal.owner()).isEqualTo("rep-" + i);
      assertThat(deal.startedBy()).isEqualTo("crm");
      assertThat(deal.processId()).isEqualTo("p");
      assertThat(deal.processVersion()).isEqualTo(3);
    }
  }

  @Test
  void guardVerdictsNeedReasonsWhenDenied() {
    assertThatThrownBy(() -> GuardVerdict.deny(java.util.List.of())).hasMessageContaining("at least one reason");
    assertThat(GuardVerdict.deny("budget: unknown").toString()).isEqualTo("denied: budget: unknown");
  }
}
