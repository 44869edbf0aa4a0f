package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every step's answer compared with the definition's own decision, and the failures it makes. */
class StepOracleTests {
  private static final Instant T = WalkRunner.EPOCH;

  /** An engine that words every rejection's reasons in its own way, but rejects exactly when it should. */
  static EngineFactory rewordingReasons() {
    return (clock, store, processes) -> new ForwardingDealEngine(
        EngineFactory.tableEngine().create(clock, store, processes)) {
      @Override
      public FireResult fire(String dealId, SalesEvent event) {
        FireResult result = delegate.fire(dealId, event);
        return result instanceof FireResult.Rejected rejected
            ? new FireResult.Rejected(rejected.deal(), event, rejected.kind(), List.of("refused: " + rejected.kind()))
            : result;
      }
    };
  }

  @Test
  void holdsAnEngineToTheDefinitionsReasonsUnlessTold() {
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.inbound()).engine(rewordingReasons())
        .seed(5L);

    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure.invariant()).isEqualTo(Invariants.ORACLE);
    assertThat(failure.shrunkWalk()).hasSizeLessThanOrEqualTo(2);
    assertThat(failure.actual()).hasValueSatisfying(a -> assertThat(a).contains("refused: "));
    assertThat(failure.getMessage()).contains("(other reasons; if your engine words its reasons differently on"
        + " purpose, call ignoreRejectionReasons())");
    properties.ignoreRejectionReasons().check();
  }

  @Test
  void aRelaxedPropertyStillCatchesTheWrongKindOfRejection() {
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.inbound()).ignoreRejectionReasons()
        .engine(Mutants.reportingGuardDenialsAsNoTransition(EngineFactory.tableEngine())).seed(5L);

    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure.invariant()).isEqualTo(Invariants.ENGINE_AGREES);
    assertThat(failure.regressionTest("p()", "e()")).contains(".engine(engines()).ignoreRejectionReasons()"
        + ".checkWalk(");
  }

  @Test
  void checksAGivenWalkFromADealStartedInAnotherStageWithFacts() {
    DealFacts twoChannels = DealFacts.none()
        .apply(new SalesEvent.ContactMade(T.minusSeconds(600), ContactChannel.PHONE))
        .apply(new SalesEvent.ContactMade(T.minusSeconds(300), ContactChannel.EMAIL));
    List<SalesEvent> walk = List.of(new SalesEvent.PresentationDelivered(T.plusSeconds(60)),
        new SalesEvent.ProposalSent(T.plusSeconds(120), new BigDecimal("5000")),
        new SalesEvent.ClosedWon(T.plusSeconds(180), new BigDecimal("5000")),
        new SalesEvent.OnboardingDone(T.plusSeconds(240)));

    Coverage coverage = ProcessProperties.forProcess(TestProcesses.fieldSales()).checkWalk("contacted", twoChannels,
        walk);

    assertThat(coverage.stagesVisited()).containsExactly("contacted", "presenting", "closing", "onboarding",
        "customer");
  }

  @Test
  void refusesToStartAGivenWalkInAStageTheProcessCannotStartIn() {
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.fieldSales());

    assertThatThrownBy(() -> properties.checkWalk("lost", DealFacts.none(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("process 'field-sales' has no open or post-sale stage 'lost' to start a deal in");
  }

  @Test
  void aFailureOnAGivenWalkHasNoSeedAndIsNotShrunkBelowWhatFails() {
    // dropping for no response after one follow-up: the definition refuses, this engine accepts
    List<SalesEvent> walk = List.of(new SalesEvent.ContactMade(T.plusSeconds(60), ContactChannel.PHONE),
        new SalesEvent.FollowUpLogged(T.plusSeconds(120), ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE),
        new SalesEvent.ClosedLost(T.plusSeconds(180), LossReason.NO_RESPONSE));

    WalkFailure failure = catchThrowableOfType(WalkFailure.class, () -> ProcessProperties
        .forProcess(TestProcesses.fieldSales())
        .engine(Mutants.ignoringTheFollowUpGuard(EngineFactory.tableEngine())).checkWalk(walk));

    assertThat(failure.seed()).isEmpty();
    assertThat(failure.originalLength()).isEqualTo(3);
    assertThat(failure.shrunkWalk()).containsExactly(walk.get(0), walk.get(2));
    assertThat(failure.step()).isEqualTo(2);
    assertThat(failure.getMessage()).startsWith("process 'field-sales' on engine 'table': the given walk broke the"
        + " invariant \"the engine decides each event as the definition does\".\nShrunk from 3 to 2 events:\n"
        + "  1. contact-made at 2026-01-05T09:01:00Z: channel phone\n"
        + "  2. closed-lost at 2026-01-05T09:03:00Z: reason no-response, detail \"\"\n"
        + "Event 2 broke it: ");
    assertThat(failure.expected()).contains("rejected as GUARD_DENIED: follow-ups: log at least five before dropping"
        + " a deal for no response");
    assertThat(failure.actual()).contains("accepted: contacted -> lost, version 2");
  }

  @Test
  void printsEachEventAsItsTypesIdItsTimeAndItsPayloadOnOneLine() {
    BantAssessment bant = BantAssessment.builder().budget(new BigDecimal("12000.50"), true).authority(false, 3)
        .painPoints("manual \"reporting\"", "churn").decisionBy(LocalDate.of(2026, 3, 1)).build();
    List<SalesEvent> events = List.of(
        new SalesEvent.QualificationAssessed(T, bant),
        new SalesEvent.ClosedWon(T, new BigDecimal("15000")),
        new SalesEvent.Custom(TestProcesses.UPGRADED, T, java.util.Map.of("tier", "gold\nplus")),
        new SalesEvent.ObjectionRaised(T, SalesEvent.ObjectionCategory.PRICE, "too dear"));

    String text = events.stream().map(Events::text).collect(Collectors.joining("\n"));

    assertThat(text).isEqualTo("""
        qualification-assessed at 2026-01-05T09:00:00Z: assessment {budget 12000.50 confirmed, authority \
        unconfirmed (3 stakeholders), need ["manual \\"reporting\\"", "churn"], decision by 2026-03-01}
        closed-won at 2026-01-05T09:00:00Z: amount 15000
        upgraded at 2026-01-05T09:00:00Z: tier "gold\\nplus"
        objection-raised at 2026-01-05T09:00:00Z: category price, detail "too dear\"""");
  }

  @Test
  void publicInvariantsCompareAStepWithTheDefinitionWhenGivenTheInstant() {
    try (DealEngine engine = Mutants.withAStricterQualificationGuard(EngineFactory.tableEngine())
        .create(ManualClock.startingAt(T), io.salesflow.store.DealStore.inMemory(), List.of(TestProcesses.inbound()))) {
      Deal started = engine.start("D-1", "inbound");
      BantAssessment confirmedButLate = BantAssessment.builder().budget(BigDecimal.TEN, true).authority(true, 1)
          .painPoints("churn").decisionBy(LocalDate.of(2026, 12, 1)).build();
      SalesEvent event = new SalesEvent.QualificationAssessed(T, confirmedButLate);
      FireResult result = engine.fire("D-1", event);

      assertThat(ProcessInvariants.stepViolations(TestProcesses.inbound(), started, started, event, result,
          engine.get("D-1"))).isEmpty();
      assertThat(ProcessInvariants.stepViolations(TestProcesses.inbound(), started, started, event, T, result,
          engine.get("D-1"))).singleElement().asString()
          .startsWith("[the engine decides each event as the definition does] deal 'D-1' in stage 'new'")
          .contains("the definition says accepted: new -> qualified, version 1, but the engine answered rejected");
    }
  }
}
