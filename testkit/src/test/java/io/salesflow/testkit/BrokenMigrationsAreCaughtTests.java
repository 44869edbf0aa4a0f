package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The mutation check of {@link MigrationProperties}: engines that migrate deals wrongly, on purpose, are caught with
 * the property they break and the seed, and the correct engine passes the same seed.
 */
class BrokenMigrationsAreCaughtTests {
  private static final long SEED = 20_260_105L;

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
}
