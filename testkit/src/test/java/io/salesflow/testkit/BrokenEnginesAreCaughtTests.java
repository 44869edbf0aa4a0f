package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.StageKind;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The mutation check: deliberately broken engines are caught by the invariants, the failing walk is shrunk to the few
 * events that matter, the seed is printed and replaying it fails the same way.
 */
class BrokenEnginesAreCaughtTests {
  private static final long SEED = 20_260_105L;

  @Test
  void catchesAnEngineWhoseQualificationGuardIgnoresBant() {
    SalesProcess broken = TestProcesses.inboundIgnoringBant();
    EngineFactory ignoringBant = (clock, store, processes) ->
        DealEngine.tableEngine().clock(clock).store(store).process(broken).build();
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.inbound()).engine(ignoringBant)
        .walks(300).seed(SEED);

    WalkFailure failure = expectCaught(properties, Invariants.WON_PASSED_GUARDS);

    assertThat(failure.shrunkWalk()).hasSizeLessThanOrEqualTo(3);
    assertThat(failure.shrunkWalk()).anySatisfy(event -> assertThat(event)
        .isInstanceOfSatisfying(SalesEvent.QualificationAssessed.class,
            q -> assertThat(q.assessment().confirmedCount()).isLessThan(4)));
    assertThat(failure.shrunkWalk().get(failure.shrunkWalk().size() - 1).type()).isEqualTo(EventType.CLOSED_WON);
  }

  @Test
  void catchesAnEngineThatMovesDealsOutOfALostStage() {
    SalesProcess process = TestProcesses.inbound();
    EngineFactory reopening = (clock, store, processes) ->
        new ReopeningEngine(EngineFactory.tableEngine().create(clock, store, processes));
    ProcessProperties properties = ProcessProperties.forProcess(process).engine(reopening).walks(300).seed(SEED);

    WalkFailure failure = expectCaught(properties, Invariants.ENGINE_AGREES);

    assertThat(failure.shrunkWalk()).hasSize(2);
    assertThat(failure.shrunkWalk().get(0).type()).isEqualTo(EventType.CLOSED_LOST);
    assertThat(failure.getMessage()).contains("left the lost stage 'lost'");
  }

  @Test
  void catchesAnEngineThatDropsHistoryOnInternalTransitions() {
    SalesProcess process = TestProcesses.fieldSales();
    EngineFactory forgetful = (clock, store, processes) ->
        EngineFactory.tableEngine().create(clock, new InternalRecordDroppingStore(store), processes);
    ProcessProperties properties = ProcessProperties.forProcess(process).engine(forgetful).walks(300).seed(SEED);

    WalkFailure failure = expectCaught(properties, Invariants.STORED_EQUALS_RETURNED);

    assertThat(failure.shrunkWalk()).hasSize(2);
    assertThat(failure.shrunkWalk().get(0).type()).isEqualTo(EventType.CONTACT_MADE);
    assertThat(process.transitions("contacted", failure.shrunkWalk().get(1).type()))
        .anySatisfy(t -> assertThat(t.internal()).isTrue());
  }

  @Test
  void theSameSeedsPassOnTheCorrectEngine() {
    for (SalesProcess process : List.of(TestProcesses.inbound(), TestProcesses.fieldSales())) {
      ProcessProperties.forProcess(process).walks(300).seed(SEED).check();
    }
  }

  @Test
  void catchesAnEngineThatMigratesDealsToAnotherStageThanThePlanSays() {
    SalesProcess.MigrationPlan plan = SalesProcess.MigrationPlan.builder(DealEngineContract.contractProcess(),
        DealEngineContract.contractProcessVersion2()).map("qualified", "discovery").build();
    SalesProcess.MigrationPlan wrong = SalesProcess.MigrationPlan.builder(DealEngineContract.contractProcess(),
        DealEngineContract.contractProcessVersion2()).map("qualified", "new").build();
    EngineFactory misrouting = (clock, store, processes) ->
        new ForwardingDealEngine(EngineFactory.tableEngine().create(clock, store, processes)) {
          @Override
          public DealEngine.MigrationProgress migrateAll(SalesProcess.MigrationPlan given, String actor,
              String reason, int batchSize, Consumer<? super DealEngine.MigrationProgress> progress) {
            return delegate.migrateAll(wrong, actor, reason, batchSize, progress);
          }
        };

    assertThatThrownBy(() -> MigrationProperties.forPlan(plan).engine(misrouting).seed(SEED).check())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(MigrationProperties.LANDS)
        .hasMessageContaining("(in 'qualified'")
        .hasMessageContaining("Seed: " + SEED);
    MigrationProperties.forPlan(plan).seed(SEED).check();
  }

  @Test
  void catchesAnEngineThatRecordsAMigrationAsAnotherEvent() {
    SalesProcess.MigrationPlan plan = SalesProcess.MigrationPlan.builder(DealEngineContract.contractProcess(),
        DealEngineContract.contractProcessVersion2()).map("qualified", "discovery").build();
    EngineFactory forgetful = (clock, store, processes) -> EngineFactory.tableEngine().create(clock,
        new MigrationRecordDroppingStore(store), processes);

    assertThatThrownBy(() -> MigrationProperties.forPlan(plan).engine(forgetful).seed(SEED).check())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(MigrationProperties.RECORDED).hasMessageContaining("on presentation-delivered");
  }

  /** Runs the properties, expects them to break {@code invariant}, and checks the report and the replay. */
  private static WalkFailure expectCaught(ProcessProperties properties, String invariant) {
    WalkFailure failure = catchThrowableOfType(WalkFailure.class, properties::check);

    assertThat(failure).as("the broken engine must be caught").isNotNull();
    assertThat(failure.invariant()).isEqualTo(invariant);
    assertThat(failure.originalLength()).isGreaterThanOrEqualTo(failure.shrunkWalk().size());
    assertThat(failure.getMessage())
        .contains(invariant)
        .contains("Seed: " + failure.seed())
        .contains("Shrunk from " + failure.originalLength() + " to " + failure.shrunkWalk().size() + " events")
        .contains("1. " + failure.shrunkWalk().get(0));
    WalkFailure replayed = catchThrowableOfType(WalkFailure.class, () -> properties.replay(failure.seed()));
    assertThat(replayed).as("replaying seed %s must fail again", failure.seed()).isNotNull();
    assertThat(replayed.invariant()).isEqualTo(failure.invariant());
    assertThat(replayed.shrunkWalk()).isEqualTo(failure.shrunkWalk());
    assertThat(replayed.originalLength()).isEqualTo(failure.originalLength());
    return failure;
  }

  /** Broken on purpose: any event at a lost deal reopens it in the initial stage. */
  private static final class ReopeningEngine extends ForwardingDealEngine {
    ReopeningEngine(DealEngine delegate) {
      super(delegate);
    }

    @Override
    public FireResult fire(String dealId, SalesEvent event) {
      Deal deal = get(dealId);
      SalesProcess process = process(deal.processId());
      if (process.stage(deal.stage()).kind() != StageKind.LOST) {
        return delegate.fire(dealId, event);
      }
      TransitionRecord reopen = new TransitionRecord(deal.version() + 1, deal.stage(),
          process.initialStage().id(), event, clock().instant(), false);
      Deal reopened = deal.advance(reopen, deal.facts().apply(event));
      store().append(reopened, reopen);
      return new FireResult.Accepted(reopened, reopen);
    }
  }

  /** Broken on purpose: stores a migrated deal on its new version and stage, recorded as another event. */
  private static final class MigrationRecordDroppingStore implements DealStore {
    private final DealStore delegate;

    MigrationRecordDroppingStore(DealStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void insert(Deal deal) {
      delegate.insert(deal);
    }

    @Override
    public Optional<Deal> find(String dealId) {
      return delegate.find(dealId);
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      if (!(record.event() instanceof SalesEvent.DealMigrated)) {
        delegate.append(deal, record);
        return;
      }
      // the stage and version change, but the history does not say it was a migration, nor who ran it
      Deal old = delegate.find(deal.id()).orElseThrow();
      Deal jumped = old.toBuilder().processVersion(deal.processVersion()).build();
      TransitionRecord fake = new TransitionRecord(record.version(), record.from(), record.to(),
          new SalesEvent.PresentationDelivered(record.at()), record.at(), record.internal());
      delegate.append(jumped.advance(fake, deal.facts()), fake);
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return delegate.findByProcess(processId);
    }
  }

  /** Broken on purpose: silently drops every internal transition instead of storing it. */
  private static final class InternalRecordDroppingStore implements DealStore {
    private final DealStore delegate;

    InternalRecordDroppingStore(DealStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void insert(Deal deal) {
      delegate.insert(deal);
    }

    @Override
    public Optional<Deal> find(String dealId) {
      return delegate.find(dealId);
    }

    @Override
    public void append(Deal deal, TransitionRecord record) {
      if (delegate.find(deal.id()).isEmpty()) {
        throw new UnknownDealException(deal.id());
      }
      if (delegate.find(deal.id()).get().version() != record.version() - 1) {
        throw new DealVersionConflictException(deal.id(), record.version() - 1, -1);
      }
      if (!record.internal()) {
        delegate.append(deal, record);
      }
    }

    @Override
    public List<Deal> findByProcess(String processId) {
      return delegate.findByProcess(processId);
    }
  }
}
