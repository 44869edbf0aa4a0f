package io.salesflow.testkit;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.DealFacts.Objection;
import io.salesflow.EventType;
import io.salesflow.FollowUpLog;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.TransitionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deals, facts and events that exercise every field a {@link io.salesflow.store.DealStore} must keep. */
final class StoreSamples {
  /** An instant with nanoseconds, to check that instants round-trip exactly. */
  static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456789Z");

  private StoreSamples() {}

  static Instant t(long minutes) {
    return T0.plusSeconds(60 * minutes);
  }

  static BantAssessment fullBant() {
    return BantAssessment.builder()
        .budget(new BigDecimal("25000.50"), true)
        .authority(true, 7)
        .painPoints("manual reporting", "slow \"onboarding\"\nand more")
        .decisionBy(LocalDate.of(2026, 12, 15))
        .build();
  }

  /** Facts with every field set, and text that JSON must escape. */
  static DealFacts everyFact() {
    return DealFacts.builder()
        .bant(fullBant())
        .amount(new BigDecimal("12000.00"))
        .source("referral from Ann \"Mac\" O'Neil \\ ACME")
        .leadTemperature(LeadTemperature.WARM)
        .approachMethod(ApproachMethod.QUESTION)
        .closingTechnique(ClosingTechnique.STANDING_ROOM_ONLY)
        .addContactChannels(ContactChannel.VIDEO_CALL, ContactChannel.EMAIL)
        .followUps(FollowUpLog.of(List.of(
            new FollowUp(t(1), ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE),
            new FollowUp(t(2), ContactChannel.PHONE, FollowUpOutcome.REJECTED),
            new FollowUp(t(3), ContactChannel.SOCIAL, FollowUpOutcome.NO_RESPONSE))))
        .openObjections(List.of(new Objection(ObjectionCategory.PRICE, "too dear\tfor now", t(4)),
            new Objection(ObjectionCategory.AUTHORITY, "", t(5))))
        .resolvedObjections(2)
        .presentations(3)
        .referralsGiven(1)
        .proposalSentAt(t(6))
        .contractSignedAt(t(7))
        .onboardedAt(t(8))
        .lossReason(LossReason.COMPETITOR)
        .disqualificationReason("no budget — none at all ✓")
        .putAttributes("crm-id", "00Q5e00000ABCDe")
        .putAttributes("note", "line one\nline two \u0001 😀")
        .build();
  }

  /** Every built-in event, with and without its optional parts, and two custom ones. */
  static List<SalesEvent> everyEvent() {
    return List.of(
        new SalesEvent.ContactMade(t(10), ContactChannel.PHONE, ApproachMethod.PREMIUM),
        new SalesEvent.ContactMade(t(11), ContactChannel.IN_PERSON),
        new SalesEvent.LeadScored(t(12), LeadTemperature.HOT),
        new SalesEvent.QualificationAssessed(t(13), fullBant()),
        new SalesEvent.QualificationAssessed(t(14), BantAssessment.builder().authority(false, 0).build()),
        new SalesEvent.Disqualified(t(15), "not a \"fit\""),
        new SalesEvent.PresentationDelivered(t(16)),
        new SalesEvent.ObjectionRaised(t(17), ObjectionCategory.TIMING, "next quarter"),
        new SalesEvent.ObjectionRaised(t(18), ObjectionCategory.NEED),
        new SalesEvent.ObjectionResolved(t(19), ObjectionCategory.TIMING),
        new SalesEvent.ProposalSent(t(20), new BigDecimal("9999.990")),
        new SalesEvent.ProposalSent(t(21), null),
        new SalesEvent.TermsNegotiated(t(22), "net 30, 5% off"),
        new SalesEvent.ContractSigned(t(23)),
        new SalesEvent.ClosedWon(t(24), new BigDecimal("15000"), ClosingTechnique.ALTERNATIVE_CHOICE),
        new SalesEvent.ClosedWon(t(25), BigDecimal.ONE),
        new SalesEvent.ClosedLost(t(26), LossReason.PRICE, "went elsewhere"),
        new SalesEvent.ClosedLost(t(26), LossReason.NO_DECISION, "", ClosingTechnique.STANDING_ROOM_ONLY),
        new SalesEvent.FollowUpLogged(t(27), ContactChannel.SOCIAL, FollowUpOutcome.RESPONDED),
        new SalesEvent.ReferralReceived(t(28), "ACME's CFO"),
        new SalesEvent.OnboardingDone(t(29)),
        new SalesEvent.StageOverridden(t(29), "moved by \"hand\"\nfor the quarter's review", true),
        new SalesEvent.DealMigrated(t(29), 1, 2, "new process", List.of("amount: required", "contract: \"none\"")),
        new SalesEvent.DealMigrated(t(29), 4, 5, "plain", List.of()),
        new SalesEvent.OwnerAssigned(t(29), "rep-bob", "rep-ann"),
        new SalesEvent.OwnerAssigned(t(29), "rep-ann", null),
        new SalesEvent.Custom(EventType.custom("nps-scored"), t(30), Map.of("score", "9", "comment", "tab\there")),
        new SalesEvent.Custom(EventType.custom("pinged"), t(31)));
  }

  static Deal newDeal(String id, String processId, String stage, Instant at) {
    return newDeal(id, processId, stage, at, DealFacts.none());
  }

  static Deal newDeal(String id, String processId, String stage, Instant at, DealFacts facts) {
    return Deal.builder().id(id).processId(processId).stage(stage).version(0).createdAt(at).enteredStageAt(at)
        .facts(facts).build();
  }

  /** Returns the deal after {@code event} took it to {@code to} (internal when it stays) at {@code at}. */
  static Deal advance(Deal deal, String to, SalesEvent event, Instant at) {
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), to, event, at,
        to.equals(deal.stage()));
    return deal.advance(record, deal.facts().apply(event));
  }

  /** Advances the deal through every sample event, alternating stages, and returns each snapshot. */
  static List<Deal> throughEveryEvent(Deal deal) {
    List<Deal> snapshots = new ArrayList<>();
    String[] stages = {"qualifying", "qualifying", "presenting", "closing"};
    int i = 0;
    for (SalesEvent event : everyEvent()) {
      deal = advance(deal, stages[i % stages.length], event, event.occurredAt().plusNanos(7));
      snapshots.add(deal);
      i++;
    }
    return snapshots;
  }
}
