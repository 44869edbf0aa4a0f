package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadSource;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.StakeholderRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A history keeps built-in events as their fields and a snapshot reads its stage entry time from its history: what
 * is read back must equal what was appended, for every event, component and time.
 */
class CompactHistoryTests {
  static final Instant AT = Instant.parse("2026-11-02T09:00:00.123456789Z");

  /** Appends each event to a history of its own, recorded at {@code at}, and returns the events read back. */
  private static SalesEvent roundTrip(SalesEvent event, Instant at) {
    TransitionHistory history = TransitionHistory.empty()
        .append(new TransitionRecord(1, "a", "b", event, at, false));
    return history.asList().get(0).event();
  }

  private static void assertReadBackEqual(List<SalesEvent> events, Instant at) {
    for (SalesEvent event : events) {
      assertThat(roundTrip(event, at)).as("%s recorded at %s", event, at).isEqualTo(event)
          .hasSameClassAs(event);
    }
  }

  @Test
  void readsBackEveryBuiltInEventEqualToTheOneAppended() {
    Deal deal = Deal.builder().id("D-1").processId("p").stage("s").version(0).createdAt(AT).enteredStageAt(AT)
        .build();
    List<SalesEvent> events = new ArrayList<>();
    for (BuiltInEvent row : BuiltInEvent.values()) {
      events.add(BuiltInEvent.neutral(row.type, deal, AT.minusMillis(1_500)));
    }
    assertReadBackEqual(events, AT);
  }

  @Test
  void readsBackEveryEnumComponentAndEveryMissingOne() {
    List<SalesEvent> events = new ArrayList<>();
    Instant t = AT.minusSeconds(3_600);
    for (ContactChannel channel : ContactChannel.values()) {
      events.add(new SalesEvent.ContactMade(t, channel));
      for (ApproachMethod approach : ApproachMethod.values()) {
        events.add(new SalesEvent.ContactMade(t, channel, approach));
      }
      for (FollowUpOutcome outcome : FollowUpOutcome.values()) {
        events.add(new SalesEvent.FollowUpLogged(t, channel, outcome));
      }
    }
    for (LeadTemperature temperature : LeadTemperature.values()) {
      events.add(new SalesEvent.LeadScored(t, temperature));
    }
    for (ObjectionCategory category : ObjectionCategory.values()) {
      events.add(new SalesEvent.ObjectionRaised(t, category));
      events.add(new SalesEvent.ObjectionRaised(t, category, "too expensive"));
      events.add(new SalesEvent.ObjectionResolved(t, category));
    }
    events.add(new SalesEvent.ClosedWon(t, BigDecimal.ZERO));
    for (ClosingTechnique technique : ClosingTechnique.values()) {
      events.add(new SalesEvent.ClosedWon(t, new BigDecimal("12000.50"), technique));
    }
    for (LossReason reason : LossReason.values()) {
      events.add(new SalesEvent.ClosedLost(t, reason));
      for (ClosingTechnique technique : ClosingTechnique.values()) {
        events.add(new SalesEvent.ClosedLost(t, reason, "went elsewhere", technique));
      }
    }
    for (StakeholderRole role : StakeholderRole.values()) {
      events.add(new SalesEvent.StakeholderEngaged(t, "cfo@example.com", role));
    }
    for (LeadSource kind : LeadSource.values()) {
      if (kind.isExpansion()) {
        events.add(new SalesEvent.ExpansionStarted(t, kind, "D-2"));
      }
    }
    events.add(new SalesEvent.ProposalSent(t, null));
    events.add(new SalesEvent.ProposalSent(t, new BigDecimal("0.000001")));
    events.add(new SalesEvent.StageOverridden(t, "manager's call", true));
    events.add(new SalesEvent.StageOverridden(t, "manager's call", false));
    events.add(new SalesEvent.Disqualified(t, "no fit"));
    events.add(new SalesEvent.ReferralReceived(t, "a customer"));
    events.add(new SalesEvent.OnboardingDone(t));
    events.add(new SalesEvent.ContractSigned(t));
    events.add(new SalesEvent.PresentationDelivered(t));
    events.add(new SalesEvent.QualificationAssessed(t, Fixtures.bant(4)));
    events.add(new SalesEvent.QualificationScored(t, DealFacts.Scorecard.of(DealFacts.Scorecard.Framework.MEDDIC)));
    assertReadBackEqual(events, AT);
  }

  @Test
  void readsBackEventTimesFarFromTheRecordsAndAtTheLimits() {
    List<Instant> times = List.of(AT, AT.plusNanos(1), AT.minusNanos(1), Instant.parse("2026-11-02T09:00:00Z"),
        Instant.parse("2026-11-02T09:00:00.999999999Z"), AT.plus(Duration.ofDays(26)), AT.minus(Duration.ofDays(26)),
        AT.plus(Duration.ofDays(27)), AT.minus(Duration.ofDays(27)), AT.plusSeconds(2_251_797).plusNanos(999_999_999),
        AT.minusSeconds(2_251_798).minusNanos(999_999_999), AT.plusSeconds(2_251_800), AT.minusSeconds(2_251_800),
        Instant.parse("1900-01-01T00:00:00.5Z"), Deal.Limits.EARLIEST_TIME, Deal.Limits.LATEST_TIME,
        Instant.EPOCH, Instant.EPOCH.minusNanos(1));
    List<Instant> recordTimes = List.of(AT, Deal.Limits.EARLIEST_TIME, Deal.Limits.LATEST_TIME, Instant.EPOCH,
        Instant.parse("1969-12-31T23:59:59.999999999Z"));
    for (Instant recorded : recordTimes) {
      List<SalesEvent> events = new ArrayList<>();
      for (Instant time : times) {
        events.add(new SalesEvent.PresentationDelivered(time));
        events.add(new SalesEvent.ObjectionRaised(time, ObjectionCategory.TIMING, "next quarter"));
      }
      assertReadBackEqual(events, recorded);
    }
  }

  @Test
  void keepsCustomEventsAndEventsWithTwoTextsOrAmountsAsGiven() {
    List<SalesEvent> events = List.of(
        new SalesEvent.Custom(EventType.custom("site-visit"), AT, Map.of("room", "B")),
        new SalesEvent.TermsNegotiated(AT, "net 30", new BigDecimal("5"), "net 30"),
        new SalesEvent.ForecastUpdated(AT, LocalDate.of(2027, 1, 31), new BigDecimal("9000"), null),
        new SalesEvent.OwnerAssigned(AT, "ann", "bob"));
    for (SalesEvent event : events) {
      assertThat(roundTrip(event, AT)).as("%s", event).isSameAs(event);
    }
  }

  @Test
  void readsBackBuiltInEventsEqualButNotTheSameObjects() {
    SalesEvent event = new SalesEvent.ContactMade(AT, ContactChannel.PHONE);
    TransitionHistory history = TransitionHistory.empty()
        .append(new TransitionRecord(1, "a", "b", event, AT.plusSeconds(1), false));
    assertThat(history.latest().orElseThrow().event()).isEqualTo(event).isNotSameAs(event);
    assertThat(history.latest().orElseThrow().at()).isEqualTo(AT.plusSeconds(1));
  }

  @Test
  void keepsIdempotencyKeysAndActorsBesideDecomposedEventsWithAndWithoutAComponent() {
    TransitionRecord first = new TransitionRecord(1, "a", "b", new SalesEvent.PresentationDelivered(AT), AT, false,
        "k-1", "ann");
    TransitionRecord second = new TransitionRecord(2, "b", "b", new SalesEvent.ObjectionRaised(AT, ObjectionCategory
        .PRICE, "too expensive"), AT.plusSeconds(5), true, "k-2", null);
    TransitionRecord third = new TransitionRecord(3, "b", "c", new SalesEvent.Disqualified(AT, "no fit"),
        AT.plusSeconds(9), false, null, "bob");
    TransitionHistory history = TransitionHistory.of(List.of(first, second, third));
    assertThat(history.asList()).containsExactly(first, second, third);
    assertThat(history.withIdempotencyKey("k-1")).contains(first);
    assertThat(history.withIdempotencyKey("k-2")).contains(second);
    assertThat(history.withIdempotencyKey("k-3")).isEmpty();
  }

  @Test
  void readsTheStageEntryTimeFromTheLastStageChangeAndKeepsItOverInternalTransitions() {
    Instant created = AT.minusSeconds(60);
    Deal deal = Deal.builder().id("D-1").processId("p").stage("a").version(0).createdAt(created)
        .enteredStageAt(created).build();
    assertThat(deal.enteredStageAt()).isEqualTo(created);
    Deal moved = deal.advance(new TransitionRecord(1, "a", "b", new SalesEvent.PresentationDelivered(AT), AT, false),
        DealFacts.none());
    assertThat(moved.enteredStageAt()).isEqualTo(AT);
    Deal internal = moved.advance(new TransitionRecord(2, "b", "b",
        new SalesEvent.FollowUpLogged(AT, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE), AT.plusSeconds(30), true),
        DealFacts.none());
    assertThat(internal.enteredStageAt()).isEqualTo(AT);
    Deal internalAgain = internal.advance(new TransitionRecord(3, "b", "b",
        new SalesEvent.FollowUpLogged(AT, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED), AT.plusSeconds(90), true),
        DealFacts.none());
    assertThat(internalAgain.enteredStageAt()).isEqualTo(AT);
    Deal movedAgain = internalAgain.advance(new TransitionRecord(4, "b", "c",
        new SalesEvent.ContractSigned(AT), AT.plusSeconds(120), false), DealFacts.none());
    assertThat(movedAgain.enteredStageAt()).isEqualTo(AT.plusSeconds(120));
    Deal internalFirst = deal.advance(new TransitionRecord(1, "a", "a",
        new SalesEvent.LeadScored(AT, LeadTemperature.HOT), AT, true), DealFacts.none());
    assertThat(internalFirst.enteredStageAt()).isEqualTo(created);
  }

  @Test
  void keepsAStageEntryTimeItsHistoryDoesNotTellAndComparesEqualWhateverTheForm() {
    Instant created = AT.minusSeconds(60);
    Deal fresh = Deal.builder().id("D-1").processId("p").stage("a").version(0).createdAt(created)
        .enteredStageAt(AT).build();
    assertThat(fresh.enteredStageAt()).isEqualTo(AT);
    assertThat(fresh.createdAt()).isEqualTo(created);
    Deal moved = Deal.builder().id("D-1").processId("p").stage("a").version(0).createdAt(created)
        .enteredStageAt(created).build()
        .advance(new TransitionRecord(1, "a", "b", new SalesEvent.PresentationDelivered(AT), AT, false),
            DealFacts.none());
    Deal movedLater = moved.toBuilder().enteredStageAt(AT.plusNanos(1)).build();
    assertThat(movedLater.enteredStageAt()).isEqualTo(AT.plusNanos(1));
    assertThat(movedLater).isNotEqualTo(moved);
    Deal rebuilt = movedLater.toBuilder().enteredStageAt(AT).build();
    assertThat(rebuilt).isEqualTo(moved).hasSameHashCodeAs(moved);
    // an internal transition keeps the entry time, which is then kept by the snapshot itself: equal to the same
    // deal built from its values
    Deal internal = moved.advance(new TransitionRecord(2, "b", "b",
        new SalesEvent.ObjectionRaised(AT, ObjectionCategory.PRICE), AT.plusSeconds(1), true), DealFacts.none());
    Deal internalRebuilt = Deal.builder().from(internal).build();
    assertThat(internalRebuilt).isEqualTo(internal).hasSameHashCodeAs(internal);
    assertThat(internalRebuilt.enteredStageAt()).isEqualTo(AT);
    assertThat(internal.toBuilder().enteredStageAt(AT.plusSeconds(1)).build().enteredStageAt())
        .isEqualTo(AT.plusSeconds(1));
  }

  @Test
  void keepsTheStageEntryTimeOverLongRunsOfInternalTransitionsFromAStageChangeAndFromTheStart() {
    Instant created = AT.minusSeconds(600);
    Deal fresh = Deal.builder().id("D-1").processId("p").stage("a").version(0).createdAt(created)
        .enteredStageAt(created).build();
    Deal moved = fresh.advance(new TransitionRecord(1, "a", "b", new SalesEvent.PresentationDelivered(AT), AT, false),
        DealFacts.none());
    for (Deal start : List.of(fresh, moved)) {
      Instant entered = start.enteredStageAt();
      Deal deal = start;
      for (int i = 1; i <= 3 * ImmutableDeal.MAX_INTERNAL_RUN; i++) {
        deal = deal.advance(new TransitionRecord(deal.version() + 1, deal.stage(), deal.stage(),
            new SalesEvent.FollowUpLogged(AT, ContactChannel.PHONE, FollowUpOutcome.NO_RESPONSE),
            AT.plusSeconds(i), true), DealFacts.none());
        assertThat(deal.enteredStageAt()).as("after %s internal records", i).isEqualTo(entered);
        Deal rebuilt = Deal.builder().from(deal).build();
        assertThat(rebuilt).as("rebuilt after %s internal records", i).isEqualTo(deal).hasSameHashCodeAs(deal);
        assertThat(rebuilt.enteredStageAt()).isEqualTo(entered);
      }
      Deal movedOn = deal.advance(new TransitionRecord(deal.version() + 1, deal.stage(), "c",
          new SalesEvent.ContractSigned(AT), AT.plusSeconds(1_000), false), DealFacts.none());
      assertThat(movedOn.enteredStageAt()).isEqualTo(AT.plusSeconds(1_000));
    }
  }

  @Test
  void keepsEveryFieldWhetherTheEventIsKeptDecomposedOrAsGivenAndReadsTheStageEntryTimeAcrossBoth() {
    Instant created = Deal.Limits.EARLIEST_TIME;
    Deal deal = Deal.builder().id("D-1").processId("p").stage("a").version(0).createdAt(created)
        .enteredStageAt(created).build();
    SalesEvent custom = new SalesEvent.Custom(EventType.custom("site-visit"), AT, Map.of("room", "B"));
    // each record's event is kept decomposed or as given: a built-in event near the record's time, a custom one,
    // one far from the record's time, one with two texts; with and without key, actor and the internal flag, at
    // record times from the earliest to the latest a deal may carry
    List<TransitionRecord> records = List.of(
        new TransitionRecord(1, "a", "b", new SalesEvent.PresentationDelivered(AT), AT, false),
        new TransitionRecord(2, "b", "b", custom, AT.plusNanos(1), true, "k-2", null),
        new TransitionRecord(3, "b", "b", new SalesEvent.ContractSigned(Deal.Limits.EARLIEST_TIME),
            Deal.Limits.LATEST_TIME, true, null, "ann"),
        new TransitionRecord(4, "b", "c", new SalesEvent.OwnerAssigned(AT, "ann", "bob"), Deal.Limits.EARLIEST_TIME,
            false, "k-4", "bob"),
        new TransitionRecord(5, "c", "c", new SalesEvent.ObjectionRaised(AT, ObjectionCategory.PRICE, "too dear"),
            AT.minusNanos(1), true, "k-5", "ann"),
        new TransitionRecord(6, "c", "d", custom, Deal.Limits.LATEST_TIME, false),
        new TransitionRecord(7, "d", "d", new SalesEvent.LeadScored(Deal.Limits.LATEST_TIME, LeadTemperature.HOT),
            Deal.Limits.LATEST_TIME, true));
    List<Instant> entered = List.of(AT, AT, AT, Deal.Limits.EARLIEST_TIME, Deal.Limits.EARLIEST_TIME,
        Deal.Limits.LATEST_TIME, Deal.Limits.LATEST_TIME);
    for (int i = 0; i < records.size(); i++) {
      deal = deal.advance(records.get(i), DealFacts.none());
      assertThat(deal.enteredStageAt()).as("entry time after record %s", i + 1).isEqualTo(entered.get(i));
      assertThat(deal.history().latest()).contains(records.get(i));
    }
    assertThat(deal.history().asList()).containsExactlyElementsOf(records);
    assertThat(deal.history()).isEqualTo(TransitionHistory.of(records)).hasSameHashCodeAs(TransitionHistory.of(
        records));
    assertThat(deal.history().asList().get(1).event()).isSameAs(custom);
    assertThat(deal.history().asList().get(0).event()).isNotSameAs(records.get(0).event());
    assertThat(deal.history().withIdempotencyKey("k-2")).contains(records.get(1));
    assertThat(deal.history().withIdempotencyKey("k-4")).contains(records.get(3));
    assertThat(deal.history().withIdempotencyKey("k-5")).contains(records.get(4));
    assertThat(Deal.builder().from(deal).build()).isEqualTo(deal).hasSameHashCodeAs(deal);
  }

  @Test
  void keepsCreationTimesOfEveryYearAndTheStageEntryTimeAsDealsMoveOnFromThem() {
    List<Instant> creations = List.of(Deal.Limits.EARLIEST_TIME, Deal.Limits.LATEST_TIME,
        Instant.parse("1677-09-21T00:12:43.145224191Z"), Instant.parse("1677-09-21T00:12:44Z"),
        Instant.parse("2262-04-11T23:47:16.854775807Z"), Instant.parse("2262-04-11T23:47:15.999999999Z"),
        Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.EPOCH, Instant.EPOCH.plusNanos(1), AT);
    for (Instant created : creations) {
      Deal fresh = Deal.builder().id("D-1").processId("p").stage("a").version(0).createdAt(created)
          .enteredStageAt(created).build();
      assertThat(fresh.createdAt()).as("created at %s", created).isEqualTo(created);
      assertThat(fresh.enteredStageAt()).isEqualTo(created);
      Deal internal = fresh.advance(new TransitionRecord(1, "a", "a", new SalesEvent.LeadScored(AT,
          LeadTemperature.HOT), AT, true), DealFacts.none());
      assertThat(internal.createdAt()).isEqualTo(created);
      assertThat(internal.enteredStageAt()).as("entry time after an internal record, created at %s", created)
          .isEqualTo(created);
      Deal moved = internal.advance(new TransitionRecord(2, "a", "b", new SalesEvent.PresentationDelivered(AT),
          AT.plusSeconds(1), false), DealFacts.none());
      assertThat(moved.createdAt()).isEqualTo(created);
      assertThat(moved.enteredStageAt()).isEqualTo(AT.plusSeconds(1));
      Deal internalAgain = moved.advance(new TransitionRecord(3, "b", "b", new SalesEvent.FollowUpLogged(AT,
          ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE), AT.plusSeconds(2), true), DealFacts.none());
      assertThat(internalAgain.enteredStageAt()).isEqualTo(AT.plusSeconds(1));
      for (Deal deal : List.of(fresh, internal, moved, internalAgain)) {
        Deal rebuilt = Deal.builder().from(deal).build();
        assertThat(rebuilt).as("%s rebuilt", deal).isEqualTo(deal).hasSameHashCodeAs(deal);
        assertThat(rebuilt.createdAt()).isEqualTo(created);
        assertThat(rebuilt.enteredStageAt()).isEqualTo(deal.enteredStageAt());
      }
      Deal enteredLater = moved.toBuilder().enteredStageAt(AT.plusSeconds(5)).build();
      assertThat(enteredLater.createdAt()).isEqualTo(created);
      assertThat(enteredLater.enteredStageAt()).isEqualTo(AT.plusSeconds(5));
      assertThat(enteredLater).isNotEqualTo(moved);
      assertThat(enteredLater.toBuilder().enteredStageAt(AT.plusSeconds(1)).build()).isEqualTo(moved)
          .hasSameHashCodeAs(moved);
    }
  }
}
