package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
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
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Runs deals of one process on the table engine with a fixed clock, and builds the events the tests fire. */
final class Driver {
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  final SalesProcess process;
  final DealEngine engine;

  Driver(SalesProcess process) {
    this.process = process;
    this.engine = DealEngine.tableEngine().process(process).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  Deal start(String dealId) {
    return engine.start(dealId, process.id());
  }

  Deal startAt(String dealId, String stage) {
    return engine.start(dealId, process.id(), DealFacts.none(), stage);
  }

  /** Fires {@code event} and asserts it was accepted; returns the new deal. */
  Deal accept(String dealId, SalesEvent event) {
    FireResult result = engine.fire(dealId, event);
    assertThat(result.isAccepted()).as("%s accepted, but: %s", event.type(), result).isTrue();
    return result.deal();
  }

  /** Fires {@code event}, asserts it moved the deal to {@code stage}, and returns the new deal. */
  Deal move(String dealId, SalesEvent event, String stage) {
    Deal deal = accept(dealId, event);
    assertThat(deal.stage()).as("stage after %s", event.type()).isEqualTo(stage);
    return deal;
  }

  /** Fires {@code event}, asserts a guard denied it and nothing changed, and returns the rejection. */
  FireResult.Rejected deny(String dealId, SalesEvent event) {
    Deal before = engine.get(dealId);
    FireResult result = engine.fire(dealId, event);
    assertThat(result).as("%s rejected", event.type()).isInstanceOf(FireResult.Rejected.class);
    FireResult.Rejected rejected = (FireResult.Rejected) result;
    assertThat(rejected.kind()).isEqualTo(RejectionKind.GUARD_DENIED);
    assertThat(engine.get(dealId).version()).isEqualTo(before.version());
    assertThat(engine.get(dealId).stage()).isEqualTo(before.stage());
    return rejected;
  }

  String stage(String dealId) {
    return engine.get(dealId).stage();
  }

  // ---------------------------------------------------------------- events

  static SalesEvent custom(EventType type) {
    return new SalesEvent.Custom(type, NOW);
  }

  static SalesEvent contact(ContactChannel channel) {
    return new SalesEvent.ContactMade(NOW, channel);
  }

  static SalesEvent contact(ContactChannel channel, ApproachMethod method) {
    return new SalesEvent.ContactMade(NOW, channel, method);
  }

  static SalesEvent followUp(FollowUpOutcome outcome) {
    return new SalesEvent.FollowUpLogged(NOW, ContactChannel.EMAIL, outcome);
  }

  static SalesEvent scored(LeadTemperature temperature) {
    return new SalesEvent.LeadScored(NOW, temperature);
  }

  static SalesEvent qualified(BantAssessment bant) {
    return new SalesEvent.QualificationAssessed(NOW, bant);
  }

  /** All four BANT dimensions confirmed. */
  static BantAssessment fullBant() {
    return BantAssessment.builder().budget(new BigDecimal("25000"), true).authority(true, 4)
        .painPoints("manual reporting").decisionBy(LocalDate.of(2026, 12, 15)).build();
  }

  /** Budget and need confirmed, no decision-maker and no date. */
  static BantAssessment budgetAndNeedOnly() {
    return BantAssessment.builder().budget(new BigDecimal("25000"), true).painPoints("manual reporting").build();
  }

  /** Need stated only. */
  static BantAssessment needOnly() {
    return BantAssessment.builder().painPoints("manual reporting").build();
  }

  static SalesEvent disqualified() {
    return new SalesEvent.Disqualified(NOW, "no budget this year");
  }

  static SalesEvent presented() {
    return new SalesEvent.PresentationDelivered(NOW);
  }

  static SalesEvent objection(ObjectionCategory category) {
    return new SalesEvent.ObjectionRaised(NOW, category, "too expensive for this quarter");
  }

  static SalesEvent resolved(ObjectionCategory category) {
    return new SalesEvent.ObjectionResolved(NOW, category);
  }

  static SalesEvent proposal(String amount) {
    return new SalesEvent.ProposalSent(NOW, new BigDecimal(amount));
  }

  static SalesEvent terms() {
    return new SalesEvent.TermsNegotiated(NOW, "quarterly payments");
  }

  static SalesEvent contractSigned() {
    return new SalesEvent.ContractSigned(NOW);
  }

  static SalesEvent won() {
    return new SalesEvent.ClosedWon(NOW, new BigDecimal("24000"));
  }

  static SalesEvent won(ClosingTechnique technique) {
    return new SalesEvent.ClosedWon(NOW, new BigDecimal("24000"), technique);
  }

  static SalesEvent lost(LossReason reason) {
    return new SalesEvent.ClosedLost(NOW, reason);
  }

  static SalesEvent onboarded() {
    return new SalesEvent.OnboardingDone(NOW);
  }

  static SalesEvent.ReferralReceived referral(String source) {
    return new SalesEvent.ReferralReceived(NOW, source);
  }
}
