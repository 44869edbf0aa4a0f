package io.salesflow.benchmarks;

import io.salesflow.Deal;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.DealEngineBuilder;
import io.salesflow.engine.FireResult;
import io.salesflow.engine.InMemoryDealStore;
import io.salesflow.spring.SpringStatemachineEngine;

/**
 * Rows 1 and 2: a {@link DealEngine} with full semantics (guard verdicts with reasons, a new snapshot and a history
 * record per accepted event, the in-memory store with its version check).
 *
 * <p>Recycling: a deal that finished its script is put back to the snapshot it started from with
 * {@link InMemoryDealStore#restore(Deal)} (same id, first stage, the history it started with), so the store holds
 * 1,024 deals throughout and no deal's history grows beyond its starting length plus one script (8 records). The
 * starting snapshots carry {@code history} records: 0, or 1,000 for the history-length variant (internal
 * lead-scored events in prospecting, fired through a table engine before timing).
 */
public final class EngineRow implements Row {
  private final DealEngine engine;
  private final InMemoryDealStore store;
  private final String[] ids = new String[Workload.DEALS];
  private final Deal[] seeds;

  private EngineRow(DealEngineBuilder builder, int history) {
    this.store = new InMemoryDealStore();
    this.engine = builder.process(Workload.PROCESS).store(store).build();
    this.seeds = seeds(history);
    for (int i = 0; i < Workload.DEALS; i++) {
      ids[i] = seeds[i].id();
      store.restore(seeds[i]);
    }
  }

  /** Row 1: the table engine; deals start with {@code history} records. */
  public static EngineRow table(int history) {
    return new EngineRow(DealEngine.tableEngine(), history);
  }

  /** Row 2: the Spring Statemachine engine, with its default pool; deals start with {@code history} records. */
  public static EngineRow spring(int history) {
    return new EngineRow(SpringStatemachineEngine.builder(), history);
  }

  /** The starting snapshots: deals D-0 to D-1023 in prospecting, each with {@code history} records. */
  static Deal[] seeds(int history) {
    Deal[] seeds = new Deal[Workload.DEALS];
    try (DealEngine table = DealEngine.tableEngine().process(Workload.PROCESS).build()) {
      for (int i = 0; i < Workload.DEALS; i++) {
        String id = "D-" + i;
        table.start(id, Workload.PROCESS_ID);
        for (int h = 0; h < history; h++) {
          FireResult result = table.fire(id, Workload.LEAD_SCORED);
          if (!result.isAccepted()) {
            throw new IllegalStateException("could not give deal " + id + " history: " + result);
          }
        }
        seeds[i] = table.get(id);
      }
    }
    return seeds;
  }

  @Override
  public String fire(int slot, Step step, boolean last) {
    FireResult result = engine.fire(ids[slot], step.event);
    String stage = result.deal().stage();
    if (last) {
      store.restore(seeds[slot]);
    }
    return stage;
  }

  /** The engine, for checks. */
  public DealEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    engine.close();
  }
}
