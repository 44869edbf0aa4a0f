package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import org.junit.jupiter.api.Test;

/**
 * The mutation catalogue: deliberately broken engines and stores, each wrapped around the engine under test, must be
 * caught by the default {@link ProcessProperties#check()} within its default number of walks, shrunk to at most six
 * events, and fail the same way when replayed from the printed seed. Extended once per engine: the table engine in
 * this module, the Spring Statemachine engine in its own.
 *
 * <p>A store that loses concurrent updates is not here: one walk has one writer, so no walk can see it; the store
 * contract catches it (see {@code BrokenStoresAreCaughtTests}).
 */
public abstract class EngineMutationCatalogue {
  /** The run seed every mutant is checked with, so that the tests are the same on every run. */
  static final long SEED = 20_260_105L;
  private static final int MOST_EVENTS_AFTER_SHRINKING = 6;

  /**
   * Returns the correct engine under test, around which the broken ones are wrapped.
   *
   * @return the factory of the engine under test
   */
  protected abstract EngineFactory engines();

  @Test
  void catchesAnEngineThatLetsARepDropAProspectForNoResponseBeforeFiveFollowUps() {
    WalkFailure failure = caught(TestProcesses.fieldSales(), Mutants.ignoringTheFollowUpGuard(engines()),
        Invariants.ORACLE);

    SalesEvent last = failure.shrunkWalk().get(failure.step() - 1);
    assertThat(last).isInstanceOfSatisfying(SalesEvent.ClosedLost.class,
        lost -> assertThat(lost.reason()).isEqualTo(LossReason.NO_RESPONSE));
    assertThat(failure.expected()).hasValueSatisfying(e -> assertThat(e).startsWith("rejected as GUARD_DENIED")
        .contains("at least five"));
    assertThat(failure.actual()).hasValueSatisfying(a -> assertThat(a).startsWith("accepted: contacted -> lost"));
  }

  @Test
  void catchesAnEngineWhoseGuardIsStricterThanTheDefinitions() {
    WalkFailure failure = caught(TestProcesses.inbound(), Mutants.withAStricterQualificationGuard(engines()),
        Invariants.ORACLE);

    // a qualification the definition accepts is refused, or one it refuses is refused with one reason more
    assertThat(failure.shrunkWalk().get(failure.step() - 1).type()).isEqualTo(EventType.QUALIFICATION_ASSESSED);
    assertThat(failure.actual()).hasValueSatisfying(a -> assertThat(a).startsWith("rejected as GUARD_DENIED")
        .contains("within 60 days"));
  }

  @Test
  void catchesAnEngineThatTakesADealToTheWrongStage() {
    WalkFailure failure = caught(TestProcesses.fieldSales(), Mutants.withAWrongTargetStage(engines()),
        Invariants.ENGINE_AGREES);

    assertThat(failure.shrunkWalk().get(failure.step() - 1).type()).isEqualTo(EventType.DISQUALIFIED);
    assertThat(failure.actual()).hasValueSatisfying(a -> assertThat(a).contains("contacted -> prospecting"));
  }

  @Test
  void catchesAnEngineThatForgetsTheFactsOfInternalTransitions() {
    WalkFailure failure = caught(TestProcesses.fieldSales(), Mutants.forgettingTheFactsOfInternalTransitions(
        engines()), Invariants.FACTS);

    assertThat(failure.getMessage()).contains("facts");
  }

  @Test
  void catchesAnEngineThatRecordsTheThirdFollowUpTwice() {
    WalkFailure failure = caught(TestProcesses.inbound(), Mutants.duplicatingTheThirdFollowUp(engines()),
        Invariants.VERSION);

    assertThat(failure.shrunkWalk()).filteredOn(e -> e.type().equals(EventType.FOLLOW_UP_LOGGED)).isNotEmpty();
  }

  @Test
  void catchesAnEngineThatAnswersAcceptedButDropsTheRecord() {
    WalkFailure failure = caught(TestProcesses.fieldSales(), Mutants.droppingInternalRecords(engines()),
        Invariants.STORED_EQUALS_RETURNED);

    SalesEvent last = failure.shrunkWalk().get(failure.step() - 1);
    assertThat(TestProcesses.fieldSales().transitions()).anySatisfy(t -> {
      assertThat(t.internal()).isTrue();
      assertThat(t.event()).isEqualTo(last.type());
    });
  }

  @Test
  void catchesAnEngineThatReportsAGuardsDenialAsNoTransition() {
    WalkFailure failure = caught(TestProcesses.inbound(), Mutants.reportingGuardDenialsAsNoTransition(engines()),
        Invariants.ENGINE_AGREES);

    assertThat(failure.expected()).hasValueSatisfying(e -> assertThat(e).startsWith("rejected as GUARD_DENIED"));
    assertThat(failure.actual()).hasValueSatisfying(a -> assertThat(a).startsWith("rejected as NO_TRANSITION"));
  }

  @Test
  void catchesAnEngineThatMovesDealsOutOfALostStage() {
    WalkFailure failure = caught(TestProcesses.inbound(), Mutants.reopeningLostDeals(engines()),
        Invariants.ENGINE_AGREES);

    assertThat(failure.getMessage()).contains("left the lost stage 'lost'");
  }

  @Test
  void catchesAStoreThatWritesTheRecordButNotTheNewFacts() {
    EngineFactory engines = engines();
    WalkFailure failure = caught(TestProcesses.fieldSales(),
        (clock, store, processes) -> engines.create(clock, new BrokenStores.WritingPartly(store), processes),
        Invariants.STORED_EQUALS_RETURNED);

    assertThat(failure.getMessage()).contains("the store holds");
  }

  @Test
  void catchesAStoreThatReadsTheHistoryBackInAnotherOrder() {
    EngineFactory engines = engines();
    WalkFailure failure = caught(TestProcesses.fieldSales(),
        (clock, store, processes) -> engines.create(clock, new BrokenStores.ReorderingHistory(store), processes),
        Invariants.STORED_EQUALS_RETURNED);

    assertThat(failure.shrunkWalk()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theSameRunsPassOnTheCorrectEngineForTheInboundProcess() {
    ProcessProperties.forProcess(TestProcesses.inbound()).engine(engines()).seed(SEED).check();
  }

  @Test
  void theSameRunsPassOnTheCorrectEngineForTheFieldSalesProcess() {
    ProcessProperties.forProcess(TestProcesses.fieldSales()).engine(engines()).seed(SEED).check();
  }

  /**
   * Runs the default properties of {@code process} on {@code broken}, expects them to break {@code invariant}, and
   * checks the shrinking, the report and the replay.
   */
  private static WalkFailure caught(SalesProcess process, EngineFactory broken, String invariant) {
    ProcessProperties properties = ProcessProperties.forProcess(process).engine(broken).seed(SEED);
    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure).as("the broken engine must be caught").isNotNull();
    assertThat(failure.invariant()).as("%s", failure.getMessage()).isEqualTo(invariant);
    assertThat(failure.shrunkWalk()).as("%s", failure.getMessage()).isNotEmpty()
        .hasSizeLessThanOrEqualTo(MOST_EVENTS_AFTER_SHRINKING);
    assertThat(failure.step()).isEqualTo(failure.shrunkWalk().size());
    assertThat(failure.originalLength()).isGreaterThanOrEqualTo(failure.shrunkWalk().size());
    assertThat(failure.seed()).isPresent();
    assertThat(failure.getMessage())
        .contains(invariant)
        .contains("Seed: " + failure.seed().getAsLong())
        .contains(failure.walkAsText())
        .contains("  1. " + failure.shrunkWalk().get(0).type().id() + " at ");
    WalkFailure replayed = catchThrowableOfType(WalkFailure.class,
        () -> properties.replay(failure.seed().getAsLong()));
    assertThat(replayed).as("replaying seed %s must fail again", failure.seed()).isNotNull();
    assertThat(replayed.invariant()).isEqualTo(failure.invariant());
    assertThat(replayed.shrunkWalk()).isEqualTo(failure.shrunkWalk());
    assertThat(replayed.startStage()).isEqualTo(failure.startStage());
    assertThat(replayed.startFacts()).isEqualTo(failure.startFacts());
    assertThat(replayed.originalLength()).isEqualTo(failure.originalLength());
    return failure;
  }
}
