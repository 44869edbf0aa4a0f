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
import io.salesflow.StageKind;
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

  /**
   * Version 2 of the contract process: qualified is now called discovery, a proposal needs an amount, and a first
   * contact moves a new deal to discovery (version 1 knows no contact-made).
   */
  private static final SalesProcess CONTRACT_PROCESS_V2 = SalesProcess.builder(PROCESS)
      .version(2)
      .stage(Stage.open("new", "New"))
      .stage(Stage.open("discovery", "Discovery"))
      .stage(Stage.builder().id("proposal").name("Proposal").kind(StageKind.OPEN).addRequiredToEnter("amount")
          .build())
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .initialStage("new")
      .internal("new", EventType.FOLLOW_UP_LOGGED)
      .transition("new", EventType.QUALIFICATION_ASSESSED, "discovery", BUDGET_AND_AUTHORITY)
      .transition("new", EventType.CONTACT_MADE, "discovery")
      .transition("discovery", EventType.PROPOSAL_SENT, "proposal")
      .transition("proposal", EventType.OBJECTION_RAISED, "discovery")
      .transition("proposal", EventType.CLOSED_WON, "won")
      .transition("new", EventType.CLOSED_LOST, "lost")
      .transition("discovery", EventType.CLOSED_LOST, "lost")
      .transition("proposal", EventType.CLOSED_LOST, "lost")
      .build();
  private static final SalesProcess.MigrationPlan PLAN = SalesProcess.MigrationPlan
      .builder(CONTRACT_PROCESS, CONTRACT_PROCESS_V2).map("qualified", "discovery").build();

  private ManualClock clock;
  private DealStore store;
  private DealEngine engine;
  private final List<DealEngine> moreEngines = new ArrayList<>();

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
    moreEngines.forEach(DealEngine::close);
  }

  /**
   * Returns version 2 of {@link #contractProcess()}: its stage qualified is called discovery, a proposal needs an
   * amount, and contact-made moves a new deal to discovery.
   *
   * @return version 2 of the process {@code "contract-demo"}
   */
  protected static SalesProcess contractProcessVersion2() {
    return CONTRACT_PROCESS_V2;
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

    FireResult first = engine.fire("D-1", qualify, key("req-1"));
    FireResult retry = engine.fire("D-1", qualification(true), key("req-1"));

    FireResultAssert.assertThat(first).movedTo("qualified");
    assertThat(retry).isEqualTo(first);
    assertThat(((FireResult.Accepted) retry).transition().idempotencyKey()).isEqualTo("req-1");
    DealAssert.assertThat(engine.get("D-1")).isInStage("qualified").hasVersion(1).hasHistorySize(1);
    FireResultAssert.assertThat(engine.fire("D-1", qualification(true), key("req-2")))
        .isRejectedWith(RejectionKind.NO_TRANSITION);
  }

  @Test
  void returnsTheFirstResultToARetryWithTheSameKeyAfterTheVersionMovedOn() {
    engine.start("D-1", PROCESS);
    SalesEvent qualify = qualification(true);
    clock.set(qualify.occurredAt());
    FireResult first = engine.fire("D-1", qualify, key("req-1").expectedVersion(0));

    FireResult retry = engine.fire("D-1", qualify, key("req-1").expectedVersion(0));

    assertThat(retry).isEqualTo(first);
    DealAssert.assertThat(engine.get("D-1")).hasVersion(1);
    FireResultAssert.assertThat(engine.fire("D-1", qualify, key("req-2").expectedVersion(0)))
        .isRejectedWith(RejectionKind.STALE_VERSION);
  }

  @Test
  void refusesAnIdempotencyKeyUsedOnTheDealForAnotherEventType() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    engine.fire("D-1", new SalesEvent.ProposalSent(next(), new BigDecimal("20000")), key("req-1"));

    assertThatThrownBy(() -> engine.fire("D-1", new SalesEvent.ClosedWon(next(), BigDecimal.TEN), key("req-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("req-1").hasMessageContaining("proposal-sent").hasMessageContaining("new key");
    DealAssert.assertThat(engine.get("D-1")).isInStage("proposal").hasVersion(2);
    assertThatThrownBy(() -> engine.fire("D-1", qualification(true), key(" ")))
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

      assertThatThrownBy(() -> flaky.fire("D-1", qualify, key("req-1"))).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("connection lost");
      FireResult retry = flaky.fire("D-1", qualify, key("req-1"));

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
            results.add(pool.submit(() -> racer.fire(id, followUp, key("same-key"))));
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

  @Test
  void startsNewDealsOnTheLatestVersionAndRunsEveryDealOnItsOwnVersion() {
    Deal onV1 = engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    DealEngine both = engineWith(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);

    Deal onV2 = both.start("D-2", PROCESS);
    Deal stillOnV1 = both.start(DealEngine.Start.of("D-3", PROCESS).processVersion(1));

    assertThat(onV1.processVersion()).isEqualTo(1);
    assertThat(onV2.processVersion()).isEqualTo(2);
    assertThat(stillOnV1.processVersion()).isEqualTo(1);
    DealAssert.assertThat(both.get("D-1")).isInStage("qualified").hasVersion(1);
    assertThat(both.get("D-1").processVersion()).as("registering version 2 changes no running deal").isEqualTo(1);
    SalesEvent contact = new SalesEvent.ContactMade(next(), ContactChannel.EMAIL);
    clock.set(contact.occurredAt());
    FireResultAssert.assertThat(both.fire("D-2", contact)).movedTo("discovery");
    FireResultAssert.assertThat(both.fire("D-3", contact)).isRejectedWith(RejectionKind.UNKNOWN_EVENT_TYPE);
    FireResultAssert.assertThat(both.fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN)))
        .movedTo("proposal");
    assertThat(both.process(PROCESS)).isSameAs(CONTRACT_PROCESS_V2);
    assertThat(both.process(PROCESS, 1)).isSameAs(CONTRACT_PROCESS);
    assertThat(both.processes()).containsExactly(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);
    assertThatThrownBy(() -> both.process(PROCESS, 3)).isInstanceOf(UnknownProcessException.class)
        .hasMessageContaining("no version 3").hasMessageContaining("[1, 2]");
    assertThatThrownBy(() -> both.start(DealEngine.Start.of("D-4", PROCESS).processVersion(3)))
        .isInstanceOf(UnknownProcessException.class);
    assertThat(both.find("D-4")).isEmpty();
  }

  @Test
  void refusesADealOnAVersionTheEngineLacksNamingTheDealItsVersionAndWhatToDo() {
    engine.start("D-1", PROCESS);
    Deal stored = engine.get("D-1");
    DealEngine onlyV2 = engineWith(CONTRACT_PROCESS_V2);

    for (Runnable call : List.<Runnable>of(() -> onlyV2.fire("D-1", qualification(true)),
        () -> onlyV2.explain("D-1"), () -> onlyV2.override("D-1", "won", "manager-max", "signed on paper"))) {
      assertThatThrownBy(call::run).isInstanceOf(DealEngine.StrandedDealException.class)
          .hasMessageContaining("deal 'D-1' runs on version 1 of process 'contract-demo'")
          .hasMessageContaining("versions [2]").hasMessageContaining("add version 1")
          .hasMessageContaining("MigrationPlan from version 1")
          .satisfies(e -> assertThat(((DealEngine.StrandedDealException) e).processVersion()).isEqualTo(1));
    }
    DealAssert.assertThat(onlyV2.get("D-1")).isUnchangedFrom(stored);

    FireResultAssert.assertThat(onlyV2.migrate("D-1", PLAN, "ops-ann", "the team moved to version 2"))
        .movedTo("new");
    assertThat(onlyV2.get("D-1").processVersion()).isEqualTo(2);
  }

  @Test
  void refusesADealInAStageItsVersionLacksAndLetsAnOverrideMoveIt() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    Deal stored = engine.get("D-1");
    SalesProcess changedInPlace = CONTRACT_PROCESS_V2.toBuilder().version(1).build(); // no stage 'qualified'
    DealEngine changed = engineWith(changedInPlace);

    assertThatThrownBy(() -> changed.fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN)))
        .isInstanceOf(DealEngine.StrandedDealException.class)
        .hasMessageContaining("deal 'D-1' is in stage 'qualified', which version 1 of process 'contract-demo'"
            + " does not have")
        .hasMessageContaining("as version 2, then migrate the deal").hasMessageContaining("engine.override(\"D-1\"");
    assertThatThrownBy(() -> changed.explain("D-1")).isInstanceOf(DealEngine.StrandedDealException.class);
    DealAssert.assertThat(changed.get("D-1")).isUnchangedFrom(stored);

    FireResultAssert.assertThat(changed.override("D-1", "discovery", "ops-ann", "qualified was renamed"))
        .movedTo("discovery");
    FireResultAssert.assertThat(changed.fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN)))
        .movedTo("proposal");
  }

  @Test
  void overridesPastAGuardRecordingWhoAndWhyAndTellsListeners() {
    engine.start("D-1", PROCESS);
    FireResultAssert.assertThat(fire("D-1", qualification(false))).isRejectedWith(RejectionKind.GUARD_DENIED);
    Deal before = engine.get("D-1");
    List<Object> heard = new CopyOnWriteArrayList<>();
    engine.addListener(recordingInto(heard));
    Instant at = clock.advance(Duration.ofMinutes(5));

    FireResult.Accepted override = engine.override("D-1", "qualified", "manager-max",
        "budget confirmed on the phone");

    FireResultAssert.assertThat(override).movedTo("qualified");
    TransitionRecord record = override.transition();
    assertThat(record.event()).isEqualTo(new SalesEvent.StageOverridden(at, "budget confirmed on the phone", false));
    assertThat(List.of(record.from(), record.to(), record.actor())).containsExactly("new", "qualified",
        "manager-max");
    assertThat(record.internal()).isFalse();
    assertThat(record.administrative()).isTrue();
    assertThat(record.at()).isEqualTo(at);
    DealAssert.assertThat(engine.get("D-1")).isInStage("qualified").hasVersion(1).enteredStageAt(at)
        .hasLastEventOfType(EventType.STAGE_OVERRIDDEN);
    assertThat(engine.get("D-1").facts()).isEqualTo(before.facts());
    assertThat(heard).containsExactly(override);
    FireResultAssert.assertThat(fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN)))
        .movedTo("proposal");
  }

  @Test
  void reopensALostDealByOverrideAndRecordsTheReopening() {
    engine.start("D-1", PROCESS);
    fire("D-1", new SalesEvent.ClosedLost(next(), LossReason.TIMING));

    FireResult.Accepted reopened = engine.override("D-1", "new", "manager-max", "the prospect came back");

    assertThat(reopened.transition().event()).isInstanceOfSatisfying(SalesEvent.StageOverridden.class,
        e -> assertThat(e.reopened()).isTrue());
    DealAssert.assertThat(engine.get("D-1")).isInStage("new").hasVersion(2).hasStagePath("new", "lost", "new");
    FireResultAssert.assertThat(fire("D-1", qualification(true))).movedTo("qualified");
  }

  @Test
  void refusesAnOverrideToAStageTheProcessLacksOrWithABlankReasonAndChangesNothing() {
    engine.start("D-1", PROCESS);
    Deal started = engine.get("D-1");

    assertThatThrownBy(() -> engine.override("D-1", "onboarding", "manager-max", "skip ahead"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deal 'D-1' cannot be moved to stage 'onboarding'")
        .hasMessageContaining("version 1 of process 'contract-demo'").hasMessageContaining("[new, qualified");
    assertThatThrownBy(() -> engine.override("D-1", "won", "manager-max", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason must not be blank");
    assertThatThrownBy(() -> engine.override("D-1", "won", "manager-max", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.override("D-1", "new", "manager-max", "again"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> engine.override("D-1", "won", " ", "signed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
    assertThatThrownBy(() -> engine.override("D-404", "won", "manager-max", "signed"))
        .isInstanceOf(UnknownDealException.class);
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(started);
  }

  @Test
  void recordsWhoStartedTheDealAndWhoFiredEachEventAndUnknownWhenNobodySaid() {
    Deal started = engine.start(DealEngine.Start.of("D-1", PROCESS).owner("rep-ann").actor("web-form"));
    clock.advance(Duration.ofMinutes(1));

    FireResult byAnn = engine.fire("D-1", followUp(FollowUpOutcome.NO_RESPONSE), DealEngine.Fire.by("rep-ann"));
    FireResult byNobody = fire("D-1", followUp(FollowUpOutcome.RESPONDED));

    assertThat(List.of(started.owner(), started.startedBy())).containsExactly("rep-ann", "web-form");
    assertThat(((FireResult.Accepted) byAnn).transition().actor()).isEqualTo("rep-ann");
    assertThat(((FireResult.Accepted) byNobody).transition().actor()).isNull();
    Deal stored = engine.get("D-1");
    assertThat(stored.history().asList()).extracting(TransitionRecord::actor).containsExactly("rep-ann", null);
    assertThat(List.of(stored.owner(), stored.startedBy())).containsExactly("rep-ann", "web-form");
    assertThatThrownBy(() -> DealEngine.Fire.by(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DealEngine.Fire.by("x".repeat(256))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255 characters");
    assertThatThrownBy(() -> DealEngine.Start.of("D-2", PROCESS).owner("ann\nbob"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control or invisible characters");
  }

  @Test
  void assignsAnOwnerAndRecordsWhoChangedItFromWhom() {
    Deal started = engine.start(DealEngine.Start.of("D-1", PROCESS).owner("rep-ann"));
    Instant at = clock.advance(Duration.ofHours(2));

    FireResult.Accepted assigned = engine.assignOwner("D-1", "rep-bob", "manager-max");

    assertThat(assigned.transition().event()).isEqualTo(new SalesEvent.OwnerAssigned(at, "rep-bob", "rep-ann"));
    assertThat(assigned.transition().internal()).isTrue();
    assertThat(assigned.transition().actor()).isEqualTo("manager-max");
    DealAssert.assertThat(engine.get("D-1")).isInStage("new").hasVersion(1).enteredStageAt(started.enteredStageAt());
    assertThat(engine.get("D-1").owner()).isEqualTo("rep-bob");
    assertThatThrownBy(() -> engine.assignOwner("D-1", "rep-bob", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owned by 'rep-bob' already");
    assertThatThrownBy(() -> engine.assignOwner("D-1", "", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(engine.assignOwner("D-1", "rep-chen", null).transition().actor()).isNull();
    FireResultAssert.assertThat(fire("D-1", qualification(true))).movedTo("qualified");
    assertThat(engine.get("D-1").owner()).isEqualTo("rep-chen");
  }

  @Test
  void overridesOnceUnderAKeyAndReturnsTheFirstResultToEveryRetryEvenAfterTheDealMovedOn() {
    engine.start("D-1", PROCESS);
    List<Object> heard = new CopyOnWriteArrayList<>();
    engine.addListener(recordingInto(heard));
    Instant at = clock.advance(Duration.ofMinutes(5));
    DealEngine.Fire options = DealEngine.Fire.by("manager-max").idempotencyKey("req-1");

    FireResult first = engine.override("D-1", options, "qualified", "budget confirmed on the phone");
    FireResult retry = engine.override("D-1", options, "qualified", "budget confirmed on the phone");

    FireResultAssert.assertThat(first).movedTo("qualified");
    TransitionRecord record = ((FireResult.Accepted) first).transition();
    assertThat(record.event()).isEqualTo(new SalesEvent.StageOverridden(at, "budget confirmed on the phone", false));
    assertThat(List.of(record.from(), record.to(), record.actor(), record.idempotencyKey()))
        .containsExactly("new", "qualified", "manager-max", "req-1");
    assertThat(retry).isEqualTo(first);
    assertThat(heard).containsExactly(first);
    DealAssert.assertThat(engine.get("D-1")).isInStage("qualified").hasVersion(1).hasHistorySize(1);
    assertThat(engine.get("D-1").history().withIdempotencyKey("req-1")).contains(record);

    FireResult proposal = fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN));
    FireResult late = engine.override("D-1", options.expectedVersion(0), "qualified", "retried by the client");

    FireResultAssert.assertThat(late).isAccepted().deal().isInStage("proposal").hasVersion(2);
    assertThat(((FireResult.Accepted) late).transition()).isEqualTo(record);
    assertThat(heard).containsExactly(first, proposal);
    DealAssert.assertThat(engine.get("D-1")).isInStage("proposal").hasVersion(2).hasHistorySize(2);
    FireResultAssert.assertThat(engine.override("D-1", DealEngine.Fire.by("manager-max").idempotencyKey("req-2"),
        "qualified", "a second review")).movedTo("qualified").deal().hasVersion(3);
  }

  @Test
  void assignsAnOwnerOnceUnderAKeyAndReturnsTheFirstResultToEveryRetryEvenAfterAnotherAssignment() {
    engine.start(DealEngine.Start.of("D-1", PROCESS).owner("rep-ann"));
    List<Object> heard = new CopyOnWriteArrayList<>();
    engine.addListener(recordingInto(heard));
    Instant at = clock.advance(Duration.ofHours(2));
    DealEngine.Fire options = DealEngine.Fire.by("manager-max").idempotencyKey("req-1");

    FireResult first = engine.assignOwner("D-1", options, "rep-bob");
    FireResult retry = engine.assignOwner("D-1", options, "rep-bob");

    TransitionRecord record = ((FireResult.Accepted) first).transition();
    assertThat(record.event()).isEqualTo(new SalesEvent.OwnerAssigned(at, "rep-bob", "rep-ann"));
    assertThat(List.of(record.actor(), record.idempotencyKey())).containsExactly("manager-max", "req-1");
    assertThat(retry).isEqualTo(first);
    assertThat(heard).containsExactly(first);
    DealAssert.assertThat(engine.get("D-1")).isInStage("new").hasVersion(1).hasHistorySize(1);

    FireResult second = engine.assignOwner("D-1", DealEngine.Fire.options().idempotencyKey("req-2"), "rep-chen");
    FireResult late = engine.assignOwner("D-1", options, "rep-bob");

    assertThat(((FireResult.Accepted) second).transition().actor()).isNull();
    assertThat(((FireResult.Accepted) late).transition()).isEqualTo(record);
    assertThat(late.deal().owner()).as("the retry does not assign rep-bob again").isEqualTo("rep-chen");
    assertThat(heard).containsExactly(first, second);
    DealAssert.assertThat(engine.get("D-1")).hasVersion(2).hasHistorySize(2);
    assertThat(engine.get("D-1").owner()).isEqualTo("rep-chen");
  }

  @Test
  void refusesAKeyReusedForAnotherChangeWhetherAnEventAnOverrideOrAnOwner() {
    engine.start("D-1", PROCESS);
    engine.override("D-1", key("req-1"), "qualified", "budget confirmed on the phone");
    engine.assignOwner("D-1", key("req-2"), "rep-bob");
    engine.fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN), key("req-3"));
    Deal before = engine.get("D-1");

    assertThatThrownBy(() -> engine.override("D-1", key("req-1"), "won", "signed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("req-1")
        .hasMessageContaining("stage 'qualified'").hasMessageContaining("stage 'won'")
        .hasMessageContaining("new key");
    assertThatThrownBy(() -> engine.assignOwner("D-1", key("req-1"), "rep-bob"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("req-1")
        .hasMessageContaining("stage-overridden").hasMessageContaining("new key");
    assertThatThrownBy(() -> engine.assignOwner("D-1", key("req-2"), "rep-chen"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("req-2")
        .hasMessageContaining("owner 'rep-bob'").hasMessageContaining("owner 'rep-chen'");
    assertThatThrownBy(() -> engine.override("D-1", key("req-3"), "won", "signed"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("req-3")
        .hasMessageContaining("proposal-sent").hasMessageContaining("new key");
    assertThatThrownBy(() -> engine.fire("D-1", new SalesEvent.ClosedWon(next(), BigDecimal.TEN), key("req-2")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("req-2")
        .hasMessageContaining("owner-assigned").hasMessageContaining("new key");
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(before).isInStage("proposal").hasVersion(3);
  }

  @Test
  void rejectsAnOverrideOrANewOwnerAtAStaleExpectedVersionAsFireDoesAndChangesNothing() {
    engine.start("D-1", PROCESS);
    fire("D-1", followUp(FollowUpOutcome.NO_RESPONSE));
    Deal atVersionOne = engine.get("D-1");
    List<Object> heard = new CopyOnWriteArrayList<>();
    engine.addListener(recordingInto(heard));
    DealEngine.Fire atZero = DealEngine.Fire.by("manager-max").expectedVersion(0);

    FireResult override = engine.override("D-1", atZero, "qualified", "budget confirmed on the phone");
    FireResult owner = engine.assignOwner("D-1", atZero, "rep-bob");
    FireResult event = engine.fire("D-1", qualification(true), atZero);

    for (FireResult stale : List.of(override, owner, event)) {
      FireResultAssert.assertThat(stale).isRejectedWith(RejectionKind.STALE_VERSION)
          .hasReasonContaining("expected at version 0").hasReasonContaining("reload it and decide again");
      DealAssert.assertThat(stale.deal()).isUnchangedFrom(atVersionOne);
    }
    assertThat(((FireResult.Rejected) override).event()).isInstanceOf(SalesEvent.StageOverridden.class);
    assertThat(((FireResult.Rejected) owner).event()).isInstanceOf(SalesEvent.OwnerAssigned.class);
    assertThat(heard).containsExactly(override, owner, event);
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(atVersionOne);

    DealEngine.Fire atOne = DealEngine.Fire.by("manager-max").expectedVersion(1);
    FireResultAssert.assertThat(engine.override("D-1", atOne, "qualified", "budget confirmed on the phone"))
        .movedTo("qualified").deal().hasVersion(2);
    FireResultAssert.assertThat(engine.assignOwner("D-1", atOne.expectedVersion(2), "rep-bob")).isAccepted()
        .deal().hasVersion(3);
    assertThat(engine.get("D-1").owner()).isEqualTo("rep-bob");
    assertThatThrownBy(() -> engine.override("D-1", atOne.expectedVersion(3), "qualified", "again"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
  }

  @Test
  void behavesWithOptionsWithoutAKeyOrVersionAsTheCallsWithAnActorDo() {
    engine.start("D-1", PROCESS);

    FireResult.Accepted plain = engine.override("D-1", "qualified", "manager-max", "budget confirmed");
    FireResult withOptions = engine.override("D-1", DealEngine.Fire.by("manager-max"), "new", "budget withdrawn");
    FireResult owner = engine.assignOwner("D-1", DealEngine.Fire.options(), "rep-bob");

    assertThat(plain.transition().actor()).isEqualTo("manager-max");
    FireResultAssert.assertThat(withOptions).movedTo("new");
    assertThat(((FireResult.Accepted) withOptions).transition().actor()).isEqualTo("manager-max");
    assertThat(((FireResult.Accepted) withOptions).transition().idempotencyKey()).isNull();
    assertThat(((FireResult.Accepted) owner).transition().actor()).isNull();
    assertThatThrownBy(() -> engine.override("D-1", DealEngine.Fire.options(), "new", "again"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    assertThatThrownBy(() -> engine.assignOwner("D-1", DealEngine.Fire.options(), "rep-bob"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owned by 'rep-bob' already");
    assertThatThrownBy(() -> engine.override("D-1", (DealEngine.Fire) null, "won", "signed")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> engine.assignOwner("D-404", DealEngine.Fire.options(), "rep-bob"))
        .isInstanceOf(UnknownDealException.class);
    DealAssert.assertThat(engine.get("D-1")).hasVersion(3).hasStagePath("new", "qualified", "new");
  }

  @Test
  void appliesAnOverrideOrANewOwnerOnceWhenTheStoreFailsAfterCommittingAndTheCallerRetries() {
    FailingAfterCommit failing = new FailingAfterCommit(store);
    DealEngine flaky = engineFactory().create(clock, failing, List.of(CONTRACT_PROCESS));
    try {
      flaky.start("D-1", PROCESS);
      failing.failNextAppend();
      assertThatThrownBy(() -> flaky.override("D-1", key("req-1"), "qualified", "budget confirmed"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("connection lost");
      failing.failNextAppend();
      assertThatThrownBy(() -> flaky.assignOwner("D-1", key("req-2"), "rep-bob"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("connection lost");

      FireResult override = flaky.override("D-1", key("req-1"), "qualified", "budget confirmed");
      FireResult owner = flaky.assignOwner("D-1", key("req-2"), "rep-bob");

      assertThat(((FireResult.Accepted) override).transition().version()).isEqualTo(1);
      assertThat(((FireResult.Accepted) owner).transition().version()).isEqualTo(2);
      DealAssert.assertThat(flaky.get("D-1")).isInStage("qualified").hasVersion(2).hasHistorySize(2);
      assertThat(flaky.get("D-1").owner()).isEqualTo("rep-bob");
    } finally {
      flaky.close();
    }
  }

  @Test
  void appliesAnOverrideAndANewOwnerOnceWhenTwoEnginesOnOneStoreRaceWithOneKey() throws Exception {
    DealEngine other = engineFactory().create(clock, store, List.of(CONTRACT_PROCESS));
    try {
      int deals = 20;
      for (int i = 0; i < deals; i++) {
        engine.start("K-" + i, PROCESS);
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<FireResult>> overrides = new ArrayList<>();
        List<Future<FireResult>> owners = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
          String id = "K-" + i;
          for (DealEngine racer : List.of(engine, other, engine, other)) {
            overrides.add(pool.submit(() -> racer.override(id, key("override-key"), "proposal", "fast track")));
            owners.add(pool.submit(() -> racer.assignOwner(id, key("owner-key"), "rep-bob")));
          }
        }
        for (Future<FireResult> result : overrides) {
          FireResultAssert.assertThat(result.get(1, TimeUnit.MINUTES)).isAccepted();
          assertThat(((FireResult.Accepted) result.get()).transition().to()).isEqualTo("proposal");
        }
        for (Future<FireResult> result : owners) {
          FireResultAssert.assertThat(result.get(1, TimeUnit.MINUTES)).isAccepted();
        }
      } finally {
        pool.shutdownNow();
      }
      for (int i = 0; i < deals; i++) {
        Deal deal = engine.get("K-" + i);
        DealAssert.assertThat(deal).isInStage("proposal").hasVersion(2).hasHistorySize(2);
        assertThat(deal.history().asList()).extracting(TransitionRecord::idempotencyKey)
            .containsExactlyInAnyOrder("override-key", "owner-key");
        assertThat(deal.owner()).isEqualTo("rep-bob");
      }
    } finally {
      other.close();
    }
  }

  @Test
  void returnsTheRecordedMigrationToARetryAfterTheDealMovedOnAndWritesNothing() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    DealEngine both = engineWith(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);
    List<Object> heard = new CopyOnWriteArrayList<>();
    both.addListener(recordingInto(heard));
    FireResult migrated = both.migrate("D-1", PLAN, "ops-ann", "qualified is called discovery now");
    SalesEvent proposal = new SalesEvent.ProposalSent(next(), BigDecimal.TEN);
    clock.set(proposal.occurredAt());
    FireResult moved = both.fire("D-1", proposal, DealEngine.Fire.options().expectedVersion(2));

    FireResult retried = both.migrate("D-1", PLAN, "ops-ann", "qualified is called discovery now");

    FireResultAssert.assertThat(retried).isAccepted().deal().isInStage("proposal").hasVersion(3);
    assertThat(((FireResult.Accepted) retried).transition())
        .isEqualTo(((FireResult.Accepted) migrated).transition());
    assertThat(heard).containsExactly(migrated, moved);
    DealAssert.assertThat(both.get("D-1")).hasVersion(3).hasHistorySize(3);
  }

  @Test
  void rejectsAnAdministrativeEventFiredLikeAnEventAsAnEventTypeTheProcessDoesNotKnow() {
    Deal started = engine.start("D-1", PROCESS);

    for (SalesEvent event : List.of(new SalesEvent.StageOverridden(next(), "sneaking past the rules", false),
        new SalesEvent.DealMigrated(next(), 1, 2, "by hand", List.of()),
        new SalesEvent.OwnerAssigned(next(), "rep-ann", null))) {
      FireResultAssert.assertThat(fire("D-1", event)).isRejectedWith(RejectionKind.UNKNOWN_EVENT_TYPE)
          .hasReasonContaining(event.type().id());
    }
    DealAssert.assertThat(engine.get("D-1")).isUnchangedFrom(started);
  }

  @Test
  void migratesADealRecordingWhoWhyAndFromWhichVersionAndStageToWhich() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    engine.start("D-2", PROCESS);
    Deal d2 = engine.get("D-2");
    DealEngine both = engineWith(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);
    List<Object> heard = new CopyOnWriteArrayList<>();
    both.addListener(recordingInto(heard));
    Instant at = clock.advance(Duration.ofDays(1));

    FireResult migrated = both.migrate("D-1", PLAN, "ops-ann", "qualified is called discovery now");

    FireResultAssert.assertThat(migrated).movedTo("discovery");
    TransitionRecord record = ((FireResult.Accepted) migrated).transition();
    assertThat(record.event()).isEqualTo(new SalesEvent.DealMigrated(at, 1, 2, "qualified is called discovery now",
        List.of()));
    assertThat(List.of(record.from(), record.to(), record.actor())).containsExactly("qualified", "discovery",
        "ops-ann");
    Deal stored = both.get("D-1");
    DealAssert.assertThat(stored).isInStage("discovery").hasVersion(2).hasStagePath("new", "qualified",
        "discovery");
    assertThat(stored.processVersion()).isEqualTo(2);
    assertThat(heard).containsExactly(migrated);
    assertThat(both.migrate("D-1", PLAN, "ops-ann", "once more")).as("a second run returns the first").isEqualTo(
        migrated);
    assertThat(heard).hasSize(1);
    FireResultAssert.assertThat(both.fire("D-1", new SalesEvent.ProposalSent(next(), BigDecimal.TEN)))
        .movedTo("proposal");

    FireResult unmoved = both.migrate("D-2", PLAN, null, "same stage in version 2");
    assertThat(((FireResult.Accepted) unmoved).transition().internal()).as("new maps to new").isTrue();
    assertThat(((FireResult.Accepted) unmoved).transition().actor()).isNull();
    DealAssert.assertThat(both.get("D-2")).isInStage("new").hasVersion(1).enteredStageAt(d2.enteredStageAt());
    assertThatThrownBy(() -> both.migrate("D-2", PLAN, "ops-ann", " ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.migrate("D-2", PLAN, "ops-ann", "no version 2 here"))
        .isInstanceOf(UnknownProcessException.class).hasMessageContaining("no version 2");
  }

  @Test
  void refusesOrMovesWithTheExceptionRecordedADealMissingARequiredFieldOfItsNewStage() {
    engine.start("D-1", PROCESS);
    fire("D-1", qualification(true));
    fire("D-1", new SalesEvent.ProposalSent(next(), null)); // version 1 needs no amount for a proposal
    Deal before = engine.get("D-1");
    DealEngine both = engineWith(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);

    FireResult refused = both.migrate("D-1", PLAN, "ops-ann", "new process");

    FireResultAssert.assertThat(refused).isRejectedWith(RejectionKind.GUARD_DENIED)
        .hasReasonContaining("amount: required but not set, to enter 'proposal'");
    DealAssert.assertThat(both.get("D-1")).isUnchangedFrom(before);
    SalesProcess.MigrationPlan moving = SalesProcess.MigrationPlan.builder(CONTRACT_PROCESS, CONTRACT_PROCESS_V2)
        .map("qualified", "discovery").missingFields(SalesProcess.MigrationPlan.MissingFields.MOVE_WITH_EXCEPTION)
        .build();
    FireResult moved = both.migrate("D-1", moving, "ops-ann", "new process");
    FireResultAssert.assertThat(moved).isAccepted();
    assertThat(((FireResult.Accepted) moved).transition().event()).isInstanceOfSatisfying(
        SalesEvent.DealMigrated.class, e -> assertThat(e.exceptions())
            .containsExactly("amount: required but not set, to enter 'proposal'"));
    DealAssert.assertThat(both.get("D-1")).isInStage("proposal").hasVersion(3);
  }

  @Test
  void migratesEveryDealInBatchesAndARunStoppedHalfWayFinishesWhenRunAgain() {
    int deals = 23;
    for (int i = 0; i < deals; i++) {
      String id = String.format("B-%02d", i);
      engine.start(id, PROCESS);
      if (i % 3 == 1) {
        fire(id, qualification(true));
      } else if (i % 3 == 2) {
        fire(id, new SalesEvent.ClosedLost(next(), LossReason.PRICE));
      }
    }
    engine.start("B-99", PROCESS);
    fire("B-99", qualification(true));
    fire("B-99", new SalesEvent.ProposalSent(next(), null)); // refused: no amount for version 2's proposal
    DealEngine both = engineWith(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);
    List<DealEngine.MigrationProgress> reports = new ArrayList<>();

    assertThatThrownBy(() -> both.migrateAll(PLAN, "ops-ann", "moving to version 2", 5, progress -> {
      reports.add(progress);
      if (progress.batches() == 2) {
        throw new IllegalStateException("the node was stopped");
      }
    })).hasMessageContaining("stopped");
    assertThat(reports).extracting(DealEngine.MigrationProgress::migrated).containsExactly(5L, 10L);
    DealEngine.MigrationProgress finished = both.migrateAll(PLAN, "ops-ann", "moving to version 2", 5,
        reports::add);

    assertThat(finished.finished()).isTrue();
    assertThat(finished.migrated()).isEqualTo(deals - 10);
    assertThat(finished.refused()).extracting(DealEngine.MigrationProgress.Refusal::dealId).containsExactly("B-99");
    assertThat(finished.refused().get(0).reasons()).anyMatch(reason -> reason.contains("amount"));
    assertThat(reports.get(reports.size() - 1)).isEqualTo(finished);
    assertThat(reports.subList(2, reports.size())).extracting(DealEngine.MigrationProgress::batches)
        .containsExactly(1L, 2L, 3L);
    for (int i = 0; i < deals; i++) {
      Deal deal = both.get(String.format("B-%02d", i));
      assertThat(deal.processVersion()).as(deal.id()).isEqualTo(2);
      assertThat(deal.history().stream().filter(r -> r.eventType().equals(EventType.DEAL_MIGRATED)))
          .as("migrations of %s", deal.id()).hasSize(1);
    }
    assertThat(both.get("B-99").processVersion()).isEqualTo(1);
    assertThat(both.migrateAll(PLAN, "ops-ann", "once more").migrated()).isZero();
  }

  @Test
  void migratesEveryDealExactlyOnceWhileThreadsFireAtThem() throws Exception {
    int deals = 40;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < deals; i++) {
      ids.add("R-" + i);
      engine.start("R-" + i, PROCESS);
    }
    DealEngine both = engineWith(CONTRACT_PROCESS, CONTRACT_PROCESS_V2);
    Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    ids.forEach(id -> accepted.put(id, new AtomicInteger()));
    List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean migrating = new java.util.concurrent.atomic.AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    DealEngine.MigrationProgress progress;
    try {
      List<Future<?>> firing = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        SplittableRandom random = new SplittableRandom(70 + t);
        firing.add(pool.submit(() -> {
          for (int i = 0; i < 2_000 && (migrating.get() || i < 200); i++) {
            String id = ids.get(random.nextInt(deals));
            try {
              // a follow-up is recorded in 'new' on both versions
              if (both.fire(id, new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE))
                  .isAccepted()) {
                accepted.get(id).incrementAndGet();
              }
            } catch (DealVersionConflictException gaveUp) {
              // allowed: nothing was written
            } catch (RuntimeException e) {
              unexpected.add(e);
            }
          }
          return null;
        }));
      }
      progress = both.migrateAll(PLAN, "ops-ann", "moving to version 2", 7, p -> { });
      migrating.set(false);
      for (Future<?> future : firing) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(unexpected).isEmpty();
    assertThat(progress.migrated() + progress.alreadyMigrated()).isEqualTo(deals);
    for (String id : ids) {
      Deal deal = both.get(id);
      assertThat(deal.processVersion()).as(id).isEqualTo(2);
      assertThat(deal.history().stream().filter(r -> r.eventType().equals(EventType.DEAL_MIGRATED)))
          .as("migrations of %s", id).hasSize(1);
      assertThat(deal.version()).as("version of %s", id).isEqualTo(accepted.get(id).get() + 1);
      assertThat(ProcessInvariants.historyViolations(deal)).as(id).isEmpty();
    }
  }

  @Test
  void migratesRandomDealsOfEveryStageWhereThePlanSays() {
    MigrationProperties.forPlan(PLAN).engine(engineFactory()).deals(150).seed(20_260_302L).check();
  }

  private FireResult fire(String dealId, SalesEvent event) {
    clock.set(event.occurredAt());
    return engine.fire(dealId, event);
  }

  /** An engine of the factory under test on this test's clock and store, running the given processes. */
  private DealEngine engineWith(SalesProcess... processes) {
    DealEngine more = engineFactory().create(clock, store, List.of(processes));
    moreEngines.add(more);
    return more;
  }

  private static DealEngine.Fire key(String key) {
    return DealEngine.Fire.options().idempotencyKey(key);
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
