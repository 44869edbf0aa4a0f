package io.salesflow.store.jdbc;

import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of deals that touches every part of the stored documents: every built-in event type, custom events,
 * amounts of every scale (a negative one too), instants with nanoseconds, free text with quotes, backslashes, line
 * breaks, non-ASCII letters, an emoji and a NUL character, start and idempotency keys, open and resolved objections,
 * and a deal with many follow-ups. Played on any store it makes the same deals, to the nanosecond: the clock is a
 * counter, not the time of day.
 *
 * <p>{@code legacy/v2-deals.sql} holds the rows that the store of the previous release (schema version 2, JSON text
 * documents in format 1) wrote for these deals; the migration tests load it and compare what the current store reads
 * with the deals this scenario makes on the in-memory store.
 */
final class LegacyDeals {
  static final String PROCESS_ID = "legacy-tour";
  static final List<String> IDS = List.of("L-1", "L-2", "L-3", "L-4", "L-5", "L-6", "L-7");
  static final EventType TRIAL_EXTENDED = EventType.custom("trial-extended");
  static final EventType DEMO_BOOKED = EventType.custom("demo-booked");
  private static final Instant T0 = Instant.parse("2026-06-01T08:00:00.000000001Z");

  private LegacyDeals() {}

  static SalesProcess process() {
    SalesProcess.Builder b = SalesProcess.builder(PROCESS_ID)
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("working", "Working"))
        .stage(Stage.postSale("onboarding", "Onboarding"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .transition("new", EventType.CONTACT_MADE, "working")
        .transition("new", EventType.DISQUALIFIED, "lost")
        .transition("working", EventType.CONTRACT_SIGNED, "onboarding")
        .transition("onboarding", EventType.ONBOARDING_DONE, "won")
        .transition("working", EventType.CLOSED_WON, "won")
        .transition("working", EventType.CLOSED_LOST, "lost");
    for (EventType type : List.of(EventType.LEAD_SCORED, EventType.QUALIFICATION_ASSESSED,
        EventType.PRESENTATION_DELIVERED, EventType.OBJECTION_RAISED, EventType.OBJECTION_RESOLVED,
        EventType.PROPOSAL_SENT, EventType.TERMS_NEGOTIATED, EventType.FOLLOW_UP_LOGGED, EventType.REFERRAL_RECEIVED,
        EventType.CONTACT_MADE, TRIAL_EXTENDED, DEMO_BOOKED)) {
      b.internal("working", type);
    }
    return b.build();
  }

  /** Plays the scenario on {@code store}; each call makes the same deals. */
  static void play(DealStore store) {
    DealEngine engine = DealEngine.tableEngine().process(process()).store(store).clock(new CountingClock()).build();
    Instant t = T0;

    // L-1: the whole tour, from rich start facts to won through onboarding
    engine.start(DealEngine.Start.of("L-1", PROCESS_ID).facts(DealFacts.builder()
        .source("trade fair \"Sales & Co\"")
        .amount(new BigDecimal("18000.50"))
        .leadTemperature(LeadTemperature.WARM)
        .putAttributes("region", "Zürich")
        .putAttributes("note", "back\\slash; tab\tand line\nbreak")
        .build()));
    fire(engine, "L-1", new SalesEvent.ContactMade(t = t.plusNanos(1_000_000_001), ContactChannel.IN_PERSON,
        ApproachMethod.QUESTION), null);
    fire(engine, "L-1", new SalesEvent.LeadScored(t = t.plusSeconds(1), LeadTemperature.HOT), null);
    fire(engine, "L-1", new SalesEvent.QualificationAssessed(t = t.plusSeconds(1), BantAssessment.builder()
        .budget(new BigDecimal("25000.50"), true)
        .authority(true, 4)
        .painPoints("manual reporting", "slow\nonboarding", "Ærøskøbing 🚀")
        .decisionBy(LocalDate.of(2026, 12, 15))
        .build()), null);
    fire(engine, "L-1", new SalesEvent.PresentationDelivered(t = t.plusSeconds(1)), null);
    fire(engine, "L-1", new SalesEvent.ObjectionRaised(t = t.plusSeconds(1), ObjectionCategory.PRICE,
        "too \"expensive\" – says C:\\budget"), null);
    fire(engine, "L-1", new SalesEvent.ObjectionRaised(t = t.plusSeconds(1), ObjectionCategory.COMPETITOR,
        "evaluating another vendor"), null);
    fire(engine, "L-1", new SalesEvent.ObjectionResolved(t = t.plusSeconds(1), ObjectionCategory.PRICE), null);
    fire(engine, "L-1", new SalesEvent.ProposalSent(t = t.plusSeconds(1), new BigDecimal("1.2E+4")), null);
    fire(engine, "L-1", new SalesEvent.ProposalSent(t = t.plusSeconds(1), null), null);
    fire(engine, "L-1", new SalesEvent.TermsNegotiated(t = t.plusSeconds(1), "net 30, 5 % off"), null);
    fire(engine, "L-1", new SalesEvent.FollowUpLogged(t = t.plusNanos(999_999_999), ContactChannel.EMAIL,
        FollowUpOutcome.NO_RESPONSE), null);
    fire(engine, "L-1", new SalesEvent.FollowUpLogged(t = t.plusSeconds(1), ContactChannel.VIDEO_CALL,
        FollowUpOutcome.RESPONDED), null);
    fire(engine, "L-1", new SalesEvent.ReferralReceived(t = t.plusSeconds(1), "partner {acme}"), null);
    fire(engine, "L-1", new SalesEvent.Custom(TRIAL_EXTENDED, t = t.plusSeconds(1),
        Map.of("days", "14", "by", "ops")), null);
    fire(engine, "L-1", new SalesEvent.Custom(DEMO_BOOKED, t = t.plusSeconds(1), Map.of()), null);
    fire(engine, "L-1", new SalesEvent.ContractSigned(t = t.plusSeconds(1)), null);
    fire(engine, "L-1", new SalesEvent.OnboardingDone(t = t.plusSeconds(1)), null);

    // L-2: lost with every part of a loss, after a first contact by phone
    engine.start("L-2", PROCESS_ID);
    fire(engine, "L-2", new SalesEvent.ContactMade(t = t.plusSeconds(1), ContactChannel.PHONE, null), null);
    fire(engine, "L-2", new SalesEvent.ClosedLost(t = t.plusSeconds(1), LossReason.NO_BUDGET,
        "budget frozen until Q3", ClosingTechnique.STANDING_ROOM_ONLY), null);

    // L-3: disqualified straight away
    engine.start("L-3", PROCESS_ID);
    fire(engine, "L-3", new SalesEvent.Disqualified(t = t.plusSeconds(1), "student project, no budget"), null);

    // L-4: started with a key, nothing fired yet
    engine.start(DealEngine.Start.of("L-4", PROCESS_ID).idempotencyKey("start-L-4")
        .facts(DealFacts.builder().amount(new BigDecimal("0.000001")).build()));

    // L-5: won with keys on every fire, the largest amount the limits allow, and a closing technique
    engine.start(DealEngine.Start.of("L-5", PROCESS_ID).idempotencyKey("start-L-5"));
    fire(engine, "L-5", new SalesEvent.ContactMade(t = t.plusSeconds(1), ContactChannel.SOCIAL,
        ApproachMethod.PREMIUM), "req-L-5-1");
    fire(engine, "L-5", new SalesEvent.ClosedWon(t = t.plusSeconds(1), new BigDecimal("999999999999999999.999999"),
        ClosingTechnique.ALTERNATIVE_CHOICE), "req-L-5-2");

    // L-6: a NUL character and other controls in free text
    engine.start("L-6", PROCESS_ID);
    fire(engine, "L-6", new SalesEvent.ContactMade(t = t.plusSeconds(1), ContactChannel.EMAIL, null), null);
    fire(engine, "L-6", new SalesEvent.ObjectionRaised(t = t.plusSeconds(1), ObjectionCategory.NEED,
        "pasted from a PDF: \u0000 and \u0007 and \u001f"), null);

    // L-7: an old deal: 60 follow-ups and a closing amount with trailing zeros
    engine.start("L-7", PROCESS_ID);
    fire(engine, "L-7", new SalesEvent.ContactMade(t = t.plusSeconds(1), ContactChannel.PHONE, null), null);
    for (int i = 0; i < 60; i++) {
      fire(engine, "L-7", new SalesEvent.FollowUpLogged(t = t.plusSeconds(3600), i % 2 == 0 ? ContactChannel.PHONE
          : ContactChannel.EMAIL, i % 5 == 4 ? FollowUpOutcome.RESPONDED : FollowUpOutcome.NO_RESPONSE), null);
    }
    fire(engine, "L-7", new SalesEvent.ClosedWon(t = t.plusSeconds(1), new BigDecimal("12000.00"), null), null);
  }

  private static void fire(DealEngine engine, String dealId, SalesEvent event, String key) {
    FireResult result = key == null ? engine.fire(dealId, event) : engine.fire(dealId, event, key);
    if (!result.isAccepted()) {
      throw new IllegalStateException("the scenario expects every event accepted, but " + result);
    }
  }

  /** A clock that moves on by 1.000000007 s at each reading, so every instant the engine takes has nanoseconds. */
  private static final class CountingClock extends Clock {
    private Instant now = Instant.parse("2026-06-01T07:00:00.123456789Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      now = now.plusNanos(1_000_000_007);
      return now;
    }
  }
}
