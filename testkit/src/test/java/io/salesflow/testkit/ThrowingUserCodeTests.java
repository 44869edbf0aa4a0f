package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.BantAssessment;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.engine.FireResult;
import java.math.BigDecimal;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** A guard, a listener or an engine that throws is a finding with a shrunk, replayable walk, not a crash. */
class ThrowingUserCodeTests {
  private static final long SEED = 31L;
  private static final String GUARD = "budget over 10,000";

  /**
   * The most common mistake in a guard: {@code Optional.get()} on a budget nobody discussed yet. It throws for any
   * qualification without a budget.
   */
  static SalesProcess processWithAGuardThatThrows() {
    TransitionGuard budgetOverTenThousand = TransitionGuard.of(GUARD,
        ctx -> ctx.facts().bant().budget().get().amount().compareTo(BigDecimal.valueOf(10_000)) > 0,
        "budget: at least 10,000 needed");
    return SalesProcess.builder("careless")
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("qualified", "Qualified"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .internal("new", EventType.FOLLOW_UP_LOGGED)
        .transition("new", EventType.QUALIFICATION_ASSESSED, "qualified", budgetOverTenThousand)
        .transition("qualified", EventType.CLOSED_WON, "won")
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("qualified", EventType.CLOSED_LOST, "lost")
        .build();
  }

  @Test
  void reportsAGuardThatThrowsAsAWalkFailureNamingTheGuardTheTransitionTheDealAndTheEvent() {
    ProcessProperties properties = ProcessProperties.forProcess(processWithAGuardThatThrows()).seed(SEED);

    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure).as("the throwing guard must be reported as a walk failure").isNotNull();
    assertThat(failure.invariant()).isEqualTo(Invariants.GUARDS_ANSWER);
    assertThat(failure.getCause()).isInstanceOf(NoSuchElementException.class);
    assertThat(failure.shrunkWalk()).hasSize(1);
    SalesEvent event = failure.shrunkWalk().get(0);
    assertThat(event).isInstanceOfSatisfying(SalesEvent.QualificationAssessed.class,
        q -> assertThat(q.assessment().budget()).isEmpty());
    assertThat(failure.getMessage())
        .contains("the guard \"" + GUARD + "\" of new -> qualified on qualification-assessed [" + GUARD + "] threw "
            + "java.util.NoSuchElementException")
        .contains("deal 'walk-deal' in stage 'new' at version 0")
        .contains("with DealFacts{")
        .contains("  1. qualification-assessed at ")
        .contains("Seed: " + failure.seed().orElseThrow());
    WalkFailure replayed = catchThrowableOfType(WalkFailure.class, () -> properties.replay(failure.seed()
        .orElseThrow()));
    assertThat(replayed.invariant()).isEqualTo(Invariants.GUARDS_ANSWER);
    assertThat(replayed.shrunkWalk()).isEqualTo(failure.shrunkWalk());
  }

  @Test
  void reportsAGuardThatThrowsOnAGivenWalk() {
    SalesEvent noBudget = new SalesEvent.QualificationAssessed(WalkRunner.EPOCH.plusSeconds(60),
        BantAssessment.builder().authority(true, 2).build());

    WalkFailure failure = catchThrowableOfType(WalkFailure.class,
        () -> ProcessProperties.forProcess(processWithAGuardThatThrows()).checkWalk(java.util.List.of(noBudget)));

    assertThat(failure.invariant()).isEqualTo(Invariants.GUARDS_ANSWER);
    assertThat(failure.seed()).isEmpty();
    assertThat(failure.getMessage()).contains(GUARD).doesNotContain("Seed:");
  }

  @Test
  void failsAPathTestWhoseGuardThrowsWithTheGuardsName() {
    Stream<DynamicTest> tests = ProcessProperties.forProcess(processWithAGuardThatThrows()).walks(1).seed(SEED)
        .dynamicTests();
    DynamicTest toQualified = tests.filter(t -> t.getDisplayName().equals(
        "shortest path to 'qualified': new -[qualification-assessed]-> qualified")).findFirst().orElseThrow();

    AssertionError error = catchThrowableOfType(AssertionError.class, () -> toQualified.getExecutable().execute());

    assertThat(error).hasMessageContaining("[" + Invariants.GUARDS_ANSWER + "]").hasMessageContaining(GUARD)
        .hasCauseInstanceOf(NoSuchElementException.class);
  }

  @Test
  void reportsAnEngineThatThrowsWithTheEventTheDealAndWhatItThrew() {
    EngineFactory throwing = (clock, store, processes) -> new ForwardingDealEngine(
        EngineFactory.tableEngine().create(clock, store, processes)) {
      @Override
      public FireResult fire(String dealId, SalesEvent event) {
        FireResult result = delegate.fire(dealId, event);
        if (result instanceof FireResult.Accepted accepted && accepted.transition().internal()) {
          // as a listener that the engine does not isolate would
          throw new IllegalStateException("listener failed: the CRM sync is down");
        }
        return result;
      }
    };
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.inbound()).engine(throwing).seed(SEED);

    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure.invariant()).isEqualTo(Invariants.NO_EXCEPTION);
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("CRM sync");
    assertThat(failure.shrunkWalk()).hasSize(1);
    assertThat(failure.getMessage()).contains("firing event 1, ").contains("deal 'walk-deal' in stage 'new'")
        .contains("actual (the engine):       threw java.lang.IllegalStateException");
    assertThat(catchThrowableOfType(WalkFailure.class, () -> properties.replay(failure.seed().orElseThrow()))
        .shrunkWalk()).isEqualTo(failure.shrunkWalk());
  }

  @Test
  void reportsAPayloadGeneratorThatThrowsWithItsSeed() {
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.community()).seed(SEED)
        .payload(TestProcesses.UPGRADED, (at, random) -> {
          throw new IllegalArgumentException("no tier for this segment");
        });

    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure.invariant()).isEqualTo(Invariants.PAYLOADS_ANSWER);
    assertThat(failure.getCause()).hasMessage("no tier for this segment");
    assertThat(catchThrowableOfType(WalkFailure.class, () -> properties.replay(failure.seed().orElseThrow()))
        .invariant()).isEqualTo(Invariants.PAYLOADS_ANSWER);
  }
}
