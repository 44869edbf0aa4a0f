package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.DealFacts.Objection;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.Stage.ForecastCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The facts an event makes, each in one copy, against the facts the builder makes from the same values: equal, with
 * the same hash code and text, and their objections in the same kind of unmodifiable list.
 */
class DealFactsCopiesTests {
  private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);

  private static void assertSameFacts(DealFacts actual, DealFacts.Builder expected) {
    DealFacts built = expected.build();
    assertThat(actual).isEqualTo(built).hasSameHashCodeAs(built);
    assertThat(built).isEqualTo(actual);
    assertThat(actual).hasToString(built.toString());
    assertThat(actual.openObjections().getClass()).as("the kind of list of the objections")
        .isEqualTo(built.openObjections().getClass());
  }

  private static Objection objection(ObjectionCategory category, Instant at) {
    return new Objection(category, "", at);
  }

  @Test
  void raisingObjectionsOneByOneKeepsThemInTheListsTheBuilderMakes() {
    DealFacts one = DealFacts.none().apply(new SalesEvent.ObjectionRaised(T0, ObjectionCategory.PRICE));
    DealFacts two = one.apply(new SalesEvent.ObjectionRaised(T1, ObjectionCategory.TIMING));
    DealFacts three = two.apply(new SalesEvent.ObjectionRaised(T2, ObjectionCategory.PRICE));

    assertSameFacts(one, DealFacts.builder().addOpenObjections(objection(ObjectionCategory.PRICE, T0)));
    assertSameFacts(two, DealFacts.builder().addOpenObjections(objection(ObjectionCategory.PRICE, T0),
        objection(ObjectionCategory.TIMING, T1)));
    assertSameFacts(three, DealFacts.builder().addOpenObjections(objection(ObjectionCategory.PRICE, T0),
        objection(ObjectionCategory.TIMING, T1), objection(ObjectionCategory.PRICE, T2)));
    assertThat(one.openObjections()).as("the earlier facts are unchanged").hasSize(1);
    assertThat(two.openObjections()).as("the earlier facts are unchanged").hasSize(2);
    for (DealFacts facts : List.of(one, two, three)) {
      List<Objection> open = facts.openObjections();
      assertThatThrownBy(() -> open.add(objection(ObjectionCategory.OTHER, T0)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> open.set(0, objection(ObjectionCategory.OTHER, T0)))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(open.contains(null)).as("a list that answers a question about null").isFalse();
    }
  }

  @Test
  void resolvingOneCategoryOfSeveralKeepsTheOthersInOneCopyAndCountsTheResolved() {
    DealFacts open = DealFacts.builder().resolvedObjections(1).addOpenObjections(objection(ObjectionCategory.PRICE, T0),
        objection(ObjectionCategory.TIMING, T1), objection(ObjectionCategory.AUTHORITY, T2)).build();

    DealFacts twoLeft = open.apply(new SalesEvent.ObjectionResolved(T2, ObjectionCategory.PRICE));
    DealFacts oneLeft = twoLeft.apply(new SalesEvent.ObjectionResolved(T2, ObjectionCategory.TIMING));
    DealFacts noneLeft = oneLeft.apply(new SalesEvent.ObjectionResolved(T2, ObjectionCategory.AUTHORITY));

    assertSameFacts(twoLeft, DealFacts.builder().resolvedObjections(2)
        .addOpenObjections(objection(ObjectionCategory.TIMING, T1), objection(ObjectionCategory.AUTHORITY, T2)));
    assertSameFacts(oneLeft, DealFacts.builder().resolvedObjections(3)
        .addOpenObjections(objection(ObjectionCategory.AUTHORITY, T2)));
    assertSameFacts(noneLeft, DealFacts.builder().resolvedObjections(4));
    assertThat(open.openObjections()).as("the earlier facts are unchanged").hasSize(3);
    assertThat(open.resolvedObjections()).isEqualTo(1);
    assertThatThrownBy(() -> twoLeft.openObjections().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(noneLeft.apply(new SalesEvent.ObjectionResolved(T2, ObjectionCategory.PRICE)))
        .as("nothing open of the category: the very facts").isSameAs(noneLeft);
  }

  @Test
  void aProposalSetsItsTimeAndItsAmountTogetherAndOneWithoutAnAmountKeepsTheKnownOne() {
    DealFacts proposed = DealFacts.builder().source("web").build()
        .apply(new SalesEvent.ProposalSent(T0, new BigDecimal("24000")));
    DealFacts again = proposed.apply(new SalesEvent.ProposalSent(T1, null));

    assertSameFacts(proposed, DealFacts.builder().source("web").amount(new BigDecimal("24000")).proposalSentAt(T0));
    assertSameFacts(again, DealFacts.builder().source("web").amount(new BigDecimal("24000")).proposalSentAt(T1));
    assertThat(again.amount().orElseThrow()).as("the amount known is kept").isSameAs(proposed.amount().orElseThrow());
  }

  @Test
  void aWinWithATechniqueSetsTheAmountAndTheTechniqueAndKeepsTheMilestonesKnown() {
    DealFacts proposed = DealFacts.builder().proposalSentAt(T0).amount(new BigDecimal("24000")).build();

    DealFacts won = proposed.apply(new SalesEvent.ClosedWon(T1, new BigDecimal("21000"),
        ClosingTechnique.values()[0]));
    DealFacts wonAsProposed = proposed.apply(new SalesEvent.ClosedWon(T1, new BigDecimal("24000"),
        ClosingTechnique.values()[0]));

    assertSameFacts(won, DealFacts.builder().proposalSentAt(T0).amount(new BigDecimal("21000"))
        .closingTechnique(ClosingTechnique.values()[0]));
    assertSameFacts(wonAsProposed, DealFacts.builder().proposalSentAt(T0).amount(new BigDecimal("24000"))
        .closingTechnique(ClosingTechnique.values()[0]));
    assertThat(proposed.closingTechnique()).as("the earlier facts are unchanged").isEmpty();
  }

  @Test
  void anAmountOfAnotherScaleReplacesTheKnownOne() {
    DealFacts proposed = DealFacts.none().apply(new SalesEvent.ProposalSent(T0, new BigDecimal("24000")));

    DealFacts won = proposed.apply(new SalesEvent.ClosedWon(T1, new BigDecimal("24000.00")));

    assertThat(won).isNotSameAs(proposed);
    assertThat(won.amount()).hasValueSatisfying(amount -> assertThat(amount.scale()).isEqualTo(2));
  }

  @Test
  void aContactWithAnApproachSetsTheChannelAndTheApproachTogether() {
    DealFacts contacted = DealFacts.builder().referralsGiven(2).build()
        .apply(new SalesEvent.ContactMade(T0, ContactChannel.PHONE, ApproachMethod.values()[0]));
    DealFacts sameChannel = contacted.apply(new SalesEvent.ContactMade(T1, ContactChannel.PHONE,
        ApproachMethod.values()[1]));

    assertSameFacts(contacted, DealFacts.builder().referralsGiven(2).addContactChannels(ContactChannel.PHONE)
        .approachMethod(ApproachMethod.values()[0]));
    assertSameFacts(sameChannel, DealFacts.builder().referralsGiven(2).addContactChannels(ContactChannel.PHONE)
        .approachMethod(ApproachMethod.values()[1]));
    assertThat(contacted.apply(new SalesEvent.ContactMade(T1, ContactChannel.PHONE)))
        .as("a channel known, no approach: the very facts").isSameAs(contacted);
  }

  @Test
  void aFollowUpAddsItsChannelAndItselfTogether() {
    DealFacts start = DealFacts.builder().addContactChannels(ContactChannel.EMAIL).build();

    DealFacts newChannel = start.apply(new SalesEvent.FollowUpLogged(T0, ContactChannel.PHONE,
        FollowUpOutcome.NO_RESPONSE));
    DealFacts knownChannel = newChannel.apply(new SalesEvent.FollowUpLogged(T1, ContactChannel.EMAIL,
        FollowUpOutcome.RESPONDED));

    assertThat(newChannel.contactChannels()).containsExactlyInAnyOrder(ContactChannel.EMAIL, ContactChannel.PHONE);
    assertThat(newChannel.followUps().count()).isEqualTo(1);
    assertThat(knownChannel.contactChannels()).isSameAs(newChannel.contactChannels());
    assertThat(knownChannel.followUps().count()).isEqualTo(2);
    assertThat(start.followUps().count()).as("the earlier facts are unchanged").isZero();
    assertSameFacts(knownChannel, DealFacts.builder().addContactChannels(ContactChannel.EMAIL, ContactChannel.PHONE)
        .followUps(knownChannel.followUps()));
  }

  @Test
  void aDisqualificationSetsItsReasonAndTheLossTogether() {
    DealFacts disqualified = DealFacts.builder().referralsGiven(1).build()
        .apply(new SalesEvent.Disqualified(T0, "no budget this year"));

    assertSameFacts(disqualified, DealFacts.builder().referralsGiven(1).disqualificationReason("no budget this year")
        .lossReason(LossReason.NOT_A_FIT));
  }

  @Test
  void aForecastWithAnAmountSetsTheForecastAndTheAmountTogether() {
    LocalDate close = LocalDate.of(2027, 3, 31);

    DealFacts forecast = DealFacts.none().apply(new SalesEvent.ForecastUpdated(T0, close, new BigDecimal("50000"),
        ForecastCategory.values()[0]));
    DealFacts withoutAmount = forecast.apply(new SalesEvent.ForecastUpdated(T1, null, null,
        ForecastCategory.values()[1]));

    assertSameFacts(forecast, DealFacts.builder().amount(new BigDecimal("50000")).expectedClose(close)
        .forecastCategory(ForecastCategory.values()[0]));
    assertSameFacts(withoutAmount, DealFacts.builder().amount(new BigDecimal("50000")).expectedClose(close)
        .forecastCategory(ForecastCategory.values()[1]));
  }

  @Test
  void referralsAreCountedAndTellFactsApartThoughTheyLiveWithTheRarelyChangedFacts() {
    DealFacts known = DealFacts.builder().source("web").leadSource(SalesEvent.LeadSource.values()[0]).build();

    DealFacts once = known.apply(new SalesEvent.ReferralReceived(T0, "Dana"));
    DealFacts twice = once.apply(new SalesEvent.ReferralReceived(T1, "Sam"));

    assertThat(once.referralsGiven()).isEqualTo(1);
    assertThat(twice.referralsGiven()).isEqualTo(2);
    assertThat(known.referralsGiven()).as("the earlier facts are unchanged").isZero();
    assertSameFacts(twice, DealFacts.builder().source("web").leadSource(SalesEvent.LeadSource.values()[0])
        .referralsGiven(2));
    assertThat(once).isNotEqualTo(twice).isNotEqualTo(known);
    assertThat(once.source()).contains("web");
    assertThat(DealFacts.builder().referralsGiven(1).build().toBuilder().build().referralsGiven()).isEqualTo(1);
  }

  @Test
  void customAttributesOfAnEventJoinTheOnesKnownAndKeepTheOtherFacts() {
    DealFacts known = DealFacts.builder().referralsGiven(3).putAttributes("region", "emea").build();

    DealFacts next = known.apply(new SalesEvent.Custom(EventType.custom("tagged"), T0,
        java.util.Map.of("tier", "gold")));

    assertSameFacts(next, DealFacts.builder().referralsGiven(3).putAttributes("region", "emea")
        .putAttributes("tier", "gold"));
    assertThat(new ArrayList<>(next.attributes().keySet())).containsExactly("region", "tier");
  }
}
