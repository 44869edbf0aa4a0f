package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.TransitionGuard;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.FireResult.RejectionKind;
import io.salesflow.store.DealStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link DealEngine} passes, as a JUnit 5 test class to extend: implement
 * {@link #engineFactory()} and every test here runs on your engine.
 *
 * <pre>{@code
 * class TableEngineContractTests extends DealEngineContract {
 *   @Override
 *   protected EngineFactory engineFactory() {
 *     return EngineFactory.tableEngine();
 *   }
 * }
 * }</pre>
 *
 * <p>An engine that decides with its own {@link io.salesflow.engine.ProcessCompiler} on the core's runtime returns
 * {@link EngineFactory#of(io.salesflow.engine.ProcessCompiler) EngineFactory.of(compiler)}; any other engine, an
 * {@link EngineFactory} lambda that builds it on the given clock and store.
 *
 * <p>It runs {@link #contractProcess() a small custom process} end to end, feeds the engine bad input and checks that
 * nothing changes, checks internal transitions, listeners, consistency under 8 threads firing 10,000 events, and
 * 1,000 seeded random walks checked by every {@link ProcessInvariants invariant} after every step. The whole suite
 * takes seconds on the table engine.
 *
 * @since 0.1
 */
public abstract class DealEngineContract {
  private static final String PROCESS = "contract-demo";
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final TransitionGuard BUDGET_AND_AUTHORITY = TransitionGuard.of("BANT: budget and authority",
      ctx -> ctx.facts().bant().budgetConfirmed() && ctx.facts().bant().authorityConfirmed(),
      "BANT: budget and decision-maker must both be confirmed before qualifying");
  private static final SalesProcess CONTRACT_PROCESS = SalesProcess.builder(PROCESS)
      .stage(Stage.open("new", "New"))
      .stage(Stage.open("qualified", "Qualified"))
      .stage(Stage.open("proposal", "Proposal"))
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .initialStage("new")
      .internal("new", EventType.FOLLOW_UP_LOGGED)
      .transition("new", EventType.QUALIFICATION_ASSESSED, "qualified", BUDGET_AND_AUTHORITY)
      .transition("qualified", EventType.PROPOSAL_SENT, "proposal")
      .transition("proposal", EventType.OBJECTION_RAISED, "qualified")
      .transition("proposal", EventType.CLOSED_WON, "won")
      .transition("new", EventType.CLOSED_LOST, "lost")
      .transition("qualified", EventType.CLOSED_LOST, "lost")
      .transition("proposal", EventType.CLOSED_LOST, "lost")
      .build();

  private ManualClock clock;
  private DealStore store;
  private DealEngine engine;

  /**
   * Returns the factory of the engine under test; called before each test.
   *
   * @return a factory that builds the engine on the clock and store it is given
   */
  protected abstract EngineFactory engineFactory();

  /**
   * Returns the process the contract runs: new, qualified, proposal, won and lost; a guard on qualifying (budget
   * and decision-maker confirmed), a loop back from proposal to qualified on an objection, an internal follow-up in
   * new, and closed-lost from every open stage.
   *
   * @return the process, with the id {@code "contract-demo"}
   */
  protected static SalesProcess contractProcess() {
    return CONTRACT_PROCESS;
  }

  @BeforeEach
  final void createEngine() {
    clock = ManualClock.startingAt(T0);
    store = DealStore.inMemory();
    engine = engineFactory().create(clock, store, List.of(CONTRACT_PROCESS));
  }

  @AfterEach
  final void closeEngine() {
    engine.close();
  }

  @Test
  void runsTheContractProcessEndToEndThroughTheLoopToWon() {
    engine.start("D-1", PROCESS);

    FireResultAssert.assertThat(fire("D-1", followUp(FollowUpOutcome.NO_RESPONSE))).isAccepted();
    FireResultAssert.assertThat(fire("D-1", qualification(false))).isRejectedWith(RejectionKind.GUARD_DENIED)
        .hasReasonContaining("decision-maker must both be confirmed");
    FireResultAssert.assertThat(fire("D-1", qualification(true))).movedTo("qualified");
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ProposalSent(next(), new BigDecimal("18000"))))
        .movedTo("proposal");
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ObjectionRaised(next(), ObjectionCategory.PRICE)))
        .movedTo("qualified");
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ProposalSent(next(), new BigDecimal("16500"))))
        .movedTo("proposal");
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ClosedWon(next(), new BigDecimal("16500"))))
        .movedTo("won");

    Deal deal = engine.get("D-1");
    DealAssert.assertThat(deal).isInStage("won").hasVersion(6).hasHistorySize(6)
        .hasStagePath("new", "qualified", "proposal", "qualified", "proposal", "won")
        .hasLastEventOfType(EventType.CLOSED_WON);
    assertThat(deal.facts().amount()).contains(new BigDecimal("16500"));
    assertThat(ProcessInvariants.stepViolations(CONTRACT_PROCESS, deal, deal, followUp(FollowUpOutcome.RESPONDED),
        engine.fire("D-1", followUp(FollowUpOutcome.RESPONDED)), engine.get("D-1"))).isEmpty();
  }

  @Test
  void closesADealAsLostFromAnyOpenStage() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));

    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ClosedLost(next(), LossReason.NO_RESPONSE)))
        .movedTo("lost");

    DealAssert.assertThat(engine.get("D-1")).isInStage("lost").hasVersion(2).hasStagePath("new", "qualified", "lost");
    assertThat(engine.get("D-1").facts().lossReason()).contains(LossReason.NO_RESPONSE);
  }

  @Test
  void rejectsAGuardedTransitionWithTheGuardsReasonAndChangesNothing() {
    Deal started = engine.start("D-1", PROCESS);

    FireResult result = fire("D-1", qualification(false));

    FireResultAssert.assertThat(result).isRejectedWith(RejectionKind.GUARD_DENIED)
        .hasReasonContaining("BANT: budget and decision-maker");
    assertThat(((FireResult.Rejected) result).message()).contains("D-1").contains("new");
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(started);
  }

  @Test
  void rejectsAnEventTheStageHasNoTransitionForAsNoTransition() {
    Deal started = engine.start("D-1", PROCESS);

    FireResult result = fire("D-1", new SalesEvent.ClosedWon(next(), BigDecimal.TEN));

    FireResultAssert.assertThat(result).isRejectedWith(RejectionKind.NO_TRANSITION).hasReasonContaining("new");
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(started);
  }

  @Test
  void refusesNullAndBlankDealIdsWithoutStoringAnything() {
    Deal started = engine.start("D-1", PROCESS);
    SalesEvent event = followUp(FollowUpOutcome.RESPONDED);

    assertThatThrownBy(() -> engine.start(null, PROCESS)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.start(" ", PROCESS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.start("", PROCESS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.fire(null, event)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.fire("  ", event)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.fire("  ", 0, event)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.fire("D-1", null)).isInstanceOf(NullPointerException.class);

    assertThat(storedDeals()).isEqualTo(1);
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(started);
  }

  @Test
  void throwsUnknownDealForADealThatWasNeverStarted() {
    assertThatThrownBy(() -> engine.fire("D-404", followUp(FollowUpOutcome.RESPONDED)))
        .isInstanceOf(UnknownDealException.class).hasMessageContaining("D-404");
    assertThatThrownBy(() -> engine.fire("D-404", 0, followUp(FollowUpOutcome.RESPONDED)))
        .isInstanceOf(UnknownDealException.class);
    assertThatThrownBy(() -> engine.get("D-404")).isInstanceOf(UnknownDealException.class);

    assertThat(engine.find("D-404")).isEmpty();
    assertThat(storedDeals()).isZero();
  }

  @Test
  void throwsDuplicateDealOnASecondStartAndKeepsTheFirstDeal() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    Deal before = engine.get("D-1");

    assertThatThrownBy(() -> engine.start("D-1", PROCESS)).isInstanceOf(DuplicateDealException.class)
        .hasMessageContaining("D-1");

    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(before).isInStage("qualified");
    assertThat(storedDeals()).isEqualTo(1);
  }

  @Test
  void throwsUnknownProcessForAProcessTheEngineDoesNotRun() {
    assertThatThrownBy(() -> engine.start("D-1", "no-such-process")).isInstanceOf(UnknownProcessException.class)
        .hasMessageContaining("no-such-process").hasMessageContaining(PROCESS);
    assertThatThrownBy(() -> engine.process("no-such-process")).isInstanceOf(UnknownProcessException.class);

    assertThat(engine.find("D-1")).isEmpty();
    assertThat(storedDeals()).isZero();
  }

  @Test
  void rejectsAnEventTypeTheProcessDoesNotKnowAsUnknownEventType() {
    Deal started = engine.start("D-1", PROCESS);

    FireResultAssert.assertThat(fire("D-1", new SalesEvent.PresentationDelivered(next())))
        .isRejectedWith(RejectionKind.UNKNOWN_EVENT_TYPE).hasReasonContaining("presentation-delivered");
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.Custom(EventType.custom("webinar-attended"), next())))
        .isRejectedWith(RejectionKind.UNKNOWN_EVENT_TYPE).hasReasonContaining("webinar-attended");

    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(started);
  }

  @Test
  void rejectsEveryEventAtADealInATerminalStage() {
    engine.start("D-1", PROCESS);
    fire("D-1", new SalesEvent.ClosedLost(next(), LossReason.PRICE));
    Deal lost = engine.get("D-1");

    FireResultAssert.assertThat(fire("D-1", qualification(true))).isRejectedWith(RejectionKind.TERMINAL_STAGE)
        .hasReasonContaining("lost");
    FireResultAssert.assertThat(fire("D-1", followUp(FollowUpOutcome.RESPONDED)))
        .isRejectedWith(RejectionKind.TERMINAL_STAGE);
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ClosedLost(next(), LossReason.OTHER)))
        .isRejectedWith(RejectionKind.TERMINAL_STAGE);

    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(lost).isInStage("lost").hasVersion(1);
  }

  @Test
  void rejectsAStaleExpectedVersionAndChangesNothing() {
    engine.start("D-1", PROCESS);
    fire("D-1", followUp(FollowUpOutcome.NO_RESPONSE));
    Deal atVersionOne = engine.get("D-1");

    FireResult stale = engine.fire("D-1", 0, qualification(true));

    FireResultAssert.assertThat(stale).isRejectedWith(RejectionKind.STALE_VERSION).hasReasonContaining("version");
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(atVersionOne);
    FireResultAssert.assertThat(engine.fire("D-1", 1, qualification(true))).movedTo("qualified").deal()
        .hasVersion(2);
  }

  @Test
  void recordsInternalTransitionsInHistoryWithoutChangingStageOrStageEntryTime() {
    Deal started = engine.start("D-1", PROCESS);
    Instant later = clock.advance(Duration.ofHours(1));

    FireResult result = engine.fire("D-1", new SalesEvent.FollowUpLogged(later, ContactChannel.EMAIL,
        FollowUpOutcome.NO_RESPONSE));

    FireResultAssert.assertThat(result).isAccepted();
    TransitionRecord record = ((FireResult.Accepted) result).transition();
    assertThat(record.internal()).isTrue();
    assertThat(record.from()).isEqualTo("new");
    assertThat(record.to()).isEqualTo("new");
    assertThat(record.at()).isEqualTo(later);
    DealAssert.assertThat(engine.get("D-1")).isInStage("new").hasVersion(1).hasHistorySize(1)
        .enteredStageAt(started.enteredStageAt()).hasLastEventOfType(EventType.FOLLOW_UP_LOGGED);
    assertThat(engine.get("D-1").facts().followUps().unansweredInARow()).isEqualTo(1);
  }

  @Test
  void callsListenersForStartsAcceptedAndRejectedEvents() {
    List<Object> heard = new CopyOnWriteArrayList<>();
    DealEngine.Listener listener = recordingInto(heard);
    engine.addListener(listener);

    Deal started = engine.start("D-1", PROCESS);
    FireResult accepted = fire("D-1", qualification(true));
    FireResult rejected = fire("D-1", new SalesEvent.ClosedWon(next(), BigDecimal.ONE));
    engine.removeListener(listener);
    fire("D-1", new SalesEvent.ClosedLost(next(), LossReason.TIMING));

    assertThat(heard).containsExactly(started, accepted, rejected);
  }

  @Test
  void appliesAnEventFiredTwiceWithTheSameIdempotencyKeyOnceAndReturnsTheFirstResultBothTimes() {
    engine.start("D-1", PROCESS);
    SalesEvent qualify = qualification(true);
    clock.set(qualify.occurredAt());

    FireResult first = engine.fire("D-1", qualify, "req-1");
    FireResult retry = engine.fire("D-1", qualification(true), "req-1");

    FireResultAssert.assertThat(first).movedTo("qualified");
    assertThat(retry).isEqualTo(first);
    assertThat(((FireResult.Accepted) retry).transition().idempotencyKey()).isEqualTo("req-1");
    DealAssert.assertThat(engine.get("D-1")).isInStage("qualified").hasVersion(1).hasHistorySize(1);
    FireResultAssert.assertThat(engine.fire("D-1", qualification(true), "req-2"))
        .isRejectedWith(RejectionKind.NO_TRANSITION);
  }

  @Test
  void returnsTheFirstResultToARetryWithTheSameKeyAfterTheVersionMovedOn() {
    engine.start("D-1", PROCESS);
    SalesEvent qualify = qualification(true);
    clock.set(qualify.occurredAt());
    FireResult first = engine.fire("D-1", 0, qualify, "req-1");

    FireResult retry = engine.fire("D-1", 0, qualify, "req-1");

    assertThat(retry).isEqualTo(first);
    DealAssert.assertThat(engine.get("D-1")).hasVersion(1);
    FireResultAssert.assertThat(engine.fire("D-1", 0, qualify, "req-2")).isRejectedWith(RejectionKind.STALE_VERSION);
  }

  @Test
  void refusesAnIdempotencyKeyUsedOnTheDealForAnotherEventType() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    engine.fire("D-1", new SalesEvent.ProposalSent(next(), new BigDecimal("20000")), "req-1");

    assertThatThrownBy(() -> engine.fire("D-1", new SalesEvent.ClosedWon(next(), BigDecimal.TEN), "req-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("req-1").hasMessageContaining("proposal-sent").hasMessageContaining("new key");
    DealAssert.assertThat(engine.get("D-1")).isInStage("proposal").hasVersion(2);
    assertThatThrownBy(() -> engine.fire("D-1", qualification(true), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
  }

  @Test
  void returnsTheStoredDealWhenAStartIsRetriedWithItsKeyAndRefusesAnotherKey() {
    Deal first = engine.start(DealEngine.Start.of("D-1", PROCESS).idempotencyKey("start-1"));

    Deal retried = engine.start(DealEngine.Start.of("D-1", PROCESS).idempotencyKey("start-1"));

    assertThat(retried).isEqualTo(first);
    assertThat(retried.startKey()).isEqualTo("start-1");
    assertThatThrownBy(() -> engine.start(DealEngine.Start.of("D-1", PROCESS).idempotencyKey("start-2")))
        .isInstanceOf(DuplicateDealException.class);
    assertThatThrownBy(() -> engine.start("D-1", PROCESS)).isInstanceOf(DuplicateDealException.class);
  }

  @Test
  void givesTheCallerTheStoredResultWhateverAListenerThrowsAndStillRunsTheLaterListeners() {
    List<Object> heardLater = new CopyOnWriteArrayList<>();
    engine.addListener(new DealEngine.Listener() {
      @Override
      public void onStarted(Deal deal) {
        throw new AssertionError("a listener's assertion failed");
      }

      @Override
      public void onTransition(FireResult.Accepted accepted) {
        throw new AssertionError("a listener's assertion failed");
      }

      @Override
      public void onRejection(FireResult.Rejected rejected) {
        throw new IllegalStateException("a listener failed");
      }
    });
    engine.addListener(recordingInto(heardLater));

    Deal started = engine.start("D-1", PROCESS);
    FireResult accepted = fire("D-1", qualification(true));
    FireResult rejected = fire("D-1", new SalesEvent.ClosedWon(next(), BigDecimal.ONE));

    FireResultAssert.assertThat(accepted).movedTo("qualified");
    FireResultAssert.assertThat(rejected).isRejectedWith(RejectionKind.NO_TRANSITION);
    assertThat(heardLater).containsExactly(started, accepted, rejected);
    DealAssert.assertThat(engine.get("D-1")).hasVersion(1);
  }

  @Test
  void appliesAKeyOnceWhenTheStoreFailsAfterCommittingAndTheCallerRetries() {
    FailingAfterCommit failing = new FailingAfterCommit(store);
    DealEngine flaky = engineFactory().create(clock, failing, List.of(CONTRACT_PROCESS));
    try {
      flaky.start("D-1", PROCESS);
      SalesEvent qualify = qualification(true);
      clock.set(qualify.occurredAt());
      failing.failNextAppend();

      assertThatThrownBy(() -> flaky.fire("D-1", qualify, "req-1")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("connection lost");
      FireResult retry = flaky.fire("D-1", qualify, "req-1");

      FireResultAssert.assertThat(retry).movedTo("qualified");
      DealAssert.assertThat(flaky.get("D-1")).hasVersion(1).hasHistorySize(1);
    } finally {
      flaky.close();
    }
  }

  @Test
  void appliesAKeyOnceWhenTwoEnginesOnOneStoreRaceWithIt() throws Exception {
    DealEngine other = engineFactory().create(clock, store, List.of(CONTRACT_PROCESS));
    try {
      int deals = 30;
      for (int i = 0; i < deals; i++) {
        engine.start("K-" + i, PROCESS);
      }
      SalesEvent followUp = followUp(FollowUpOutcome.NO_RESPONSE);
      clock.set(followUp.occurredAt());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<FireResult>> results = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
          String id = "K-" + i;
          for (DealEngine racer : List.of(engine, other, engine, other)) {
            results.add(pool.submit(() -> racer.fire(id, followUp, "same-key")));
          }
        }
        for (int i = 0; i < results.size(); i++) {
          FireResult result = results.get(i).get(1, TimeUnit.MINUTES);
          FireResultAssert.assertThat(result).isAccepted();
          assertThat(((FireResult.Accepted) result).transition().version()).isEqualTo(1);
        }
      } finally {
        pool.shutdownNow();
      }
      for (int i = 0; i < deals; i++) {
        DealAssert.assertThat(engine.get("K-" + i)).hasVersion(1).hasHistorySize(1);
      }
    } finally {
      other.close();
    }
  }

  @Test
  void keepsHistoryAndVersionConsistentWhenEightThreadsFireTenThousandEventsAtTwentyDeals() throws Exception {
    int threads = 8;
    int eventsPerThread = 10_000 / threads;
    List<String> deals = new ArrayList<>();
    Map<String, AtomicInteger> acceptedPerDeal = new ConcurrentHashMap<>();
    for (int i = 0; i < 20; i++) {
      String id = "C-" + i;
      engine.start(id, PROCESS);
      deals.add(id);
      acceptedPerDeal.put(id, new AtomicInteger());
    }
    AtomicInteger heardTransitions = new AtomicInteger();
    engine.addListener(new DealEngine.Listener() {
      @Override
      public void onTransition(FireResult.Accepted accepted) {
        heardTransitions.incrementAndGet();
      }
    });
    List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    AtomicInteger fired = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(1_000 + t);
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < eventsPerThread; i++) {
            String deal = deals.get(random.nextInt(deals.size()));
            try {
              fired.incrementAndGet();
              FireResult result = engine.fire(deal, concurrentEvent(random));
              if (result.isAccepted()) {
                acceptedPerDeal.get(deal).incrementAndGet();
              }
            } catch (DealVersionConflictException expected) {
              // allowed: the engine gave up retrying; nothing was written
            } catch (RuntimeException e) {
              unexpected.add(e);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(unexpected).isEmpty();
    assertThat(fired.get()).isEqualTo(10_000);
    int totalAccepted = 0;
    for (String id : deals) {
      Deal deal = engine.get(id);
      int accepted = acceptedPerDeal.get(id).get();
      totalAccepted += accepted;
      assertThat(deal.history().size()).as("history of %s", id).isEqualTo(accepted);
      assertThat(deal.version()).as("version of %s", id).isEqualTo(accepted);
      List<TransitionRecord> records = deal.history().asList();
      for (int i = 0; i < records.size(); i++) {
        assertThat(records.get(i).version()).as("record %s of %s", i, id).isEqualTo(i + 1);
        if (i > 0) {
          assertThat(records.get(i).from()).as("record %s of %s", i, id).isEqualTo(records.get(i - 1).to());
        }
      }
    }
    assertThat(totalAccepted).isPositive();
    assertThat(heardTransitions.get()).isEqualTo(totalAccepted);
  }

  @Test
  void holdsEveryInvariantOnAThousandSeededRandomWalks() {
    ProcessProperties.forProcess(CONTRACT_PROCESS).engine(engineFactory()).walks(1_000).maxSteps(20).check();
  }

  private FireResult fire(String dealId, SalesEvent event) {
    clock.set(event.occurredAt());
    return engine.fire(dealId, event);
  }

  private Instant next() {
    return clock.instant().plusSeconds(600);
  }

  private SalesEvent followUp(FollowUpOutcome outcome) {
    return new SalesEvent.FollowUpLogged(next(), ContactChannel.PHONE, outcome);
  }

  private SalesEvent qualification(boolean confirmed) {
    BantAssessment bant = BantAssessment.builder()
        .budget(new BigDecimal("20000"), confirmed)
        .authority(confirmed, 5)
        .painPoints("manual reporting")
        .decisionBy(LocalDate.of(2026, 6, 30))
        .build();
    return new SalesEvent.QualificationAssessed(next(), bant);
  }

  private SalesEvent concurrentEvent(SplittableRandom random) {
    Instant at = T0.plusSeconds(random.nextInt(1_000_000));
    int roll = random.nextInt(100);
    if (roll < 70) {
      return new SalesEvent.FollowUpLogged(at, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE);
    }
    if (roll < 97) {
      return EventGenerator.forProcess(CONTRACT_PROCESS).event(
          List.copyOf(CONTRACT_PROCESS.eventTypes()).get(random.nextInt(CONTRACT_PROCESS.eventTypes().size())), at,
          random);
    }
    return new SalesEvent.ClosedLost(at, LossReason.NO_DECISION);
  }

  /** How many deals the store holds, in the contract's process and in the one no engine runs. */
  private int storedDeals() {
    return store.findByProcess(PROCESS).size() + store.findByProcess("no-such-process").size();
  }

  /** A listener that adds every started deal, accepted and rejected result to {@code heard}, in order. */
  private static DealEngine.Listener recordingInto(List<Object> heard) {
    return new DealEngine.Listener() {
      @Override
      public void onStarted(Deal deal) {
        heard.add(deal);
      }

      @Override
      public void onTransition(FireResult.Accepted accepted) {
        heard.add(accepted);
      }

      @Override
      public void onRejection(FireResult.Rejected rejected) {
        heard.add(rejected);
      }
    };
  }

  /** A store whose next append commits and then fails, as a connection dropped while the commit was answered. */
  private static final class FailingAfterCommit implements DealStore {
    private final DealStore delegate;
    private volatile boolean failNext;

    FailingAfterCommit(DealStore delegate) {
      this.delegate = delegate;
    }

    void failNextAppend() {
      failNext = true;
    }

    @Override
    public void insert(Deal deal) {
      delegate.insert(deal);
    }

    @Override
    public java.util.Optional<Deal> find(String dealId) {
      return delegate.find(dealId);
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      delegate.append(deal, record);
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("connection lost while the commit was answered");
      }
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return delegate.findByProcess(processId);
    }
  }
}
