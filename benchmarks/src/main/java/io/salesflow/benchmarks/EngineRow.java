package io.salesflow.benchmarks;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.SpringStatemachineCompiler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows 1 and 2: a {@link DealEngine} with full semantics (guard verdicts with reasons, a new snapshot and a history
 * record per accepted event, a store with the in-memory store's compare-and-set version check).
 *
 * <p>Recycling: a deal that finished its script is put back to the snapshot it started from with
 * {@link RecyclingStore#recycle(Deal)} (same id, first stage, the history it started with), so the store holds
 * 1,024 deals throughout and no deal's history grows beyond its starting length plus one script (8 records). The
 * starting snapshots carry {@code history} records: 0, or 1,000 for the history-length variant (internal
 * lead-scored events in prospecting, built before timing).
 */
public final class EngineRow implements Row {
  private final DealEngine engine;
  private final RecyclingStore store;
  private final String[] ids = new String[Workload.DEALS];
  private final Deal[] seeds;
  private final DealEngine.@Nullable Fire options;

  private EngineRow(DealEngine.Builder builder, int history, DealEngine.@Nullable Fire options) {
    this(builder, Workload.PROCESS, history, options);
  }

  private EngineRow(DealEngine.Builder builder, SalesProcess process, int history,
      DealEngine.@Nullable Fire options) {
    this.options = options;
    this.store = new RecyclingStore();
    this.engine = builder.process(process).store(store).build();
    this.seeds = seeds(process.id(), history);
    for (int i = 0; i < Workload.DEALS; i++) {
      ids[i] = seeds[i].id();
      store.recycle(seeds[i]);
    }
  }

  /** Row 1: the table engine; deals start with {@code history} records. */
  public static EngineRow table(int history) {
    return new EngineRow(DealEngine.tableEngine(), history, null);
  }

  /**
   * Row 1 with an actor: the table engine, every event fired by a named rep, so that each history record carries
   * who fired it.
   */
  public static EngineRow tableWithActor() {
    return new EngineRow(DealEngine.tableEngine(), 0, DealEngine.Fire.by("rep-ann"));
  }

  /** Row 2: the Spring Statemachine engine, with its default pool; deals start with {@code history} records. */
  public static EngineRow spring(int history) {
    return new EngineRow(SpringStatemachineCompiler.springStatemachineEngine(), history, null);
  }

  /**
   * Rows 1s and 2s: the table engine, or the Spring Statemachine engine with its default pool, on the workload's
   * scripts over {@link Workload#generated(int) a generated process} of {@code stages} stages; fresh deals.
   */
  public static EngineRow sized(boolean spring, int stages) {
    DealEngine.Builder builder = spring ? SpringStatemachineCompiler.springStatemachineEngine()
        : DealEngine.tableEngine();
    return new EngineRow(builder, Workload.generated(stages), 0, null);
  }

  /**
   * The starting snapshots: deals D-0 to D-1023 in prospecting, each with {@code history} records of internal
   * lead-scored events, as a table engine would have recorded them. They are built directly rather than fired through
   * an engine in this JVM, so that a million setup events do not shape the JIT's profile of the code being timed.
   */
  static Deal[] seeds(int history) {
    return seeds(Workload.PROCESS_ID, history);
  }

  private static Deal[] seeds(String processId, int history) {
    Instant at = Workload.LEAD_SCORED.occurredAt();
    String stage = Workload.StageId.PROSPECTING.id;
    DealFacts facts = history == 0 ? DealFacts.none() : DealFacts.none().apply(Workload.LEAD_SCORED);
    Deal[] seeds = new Deal[Workload.DEALS];
    for (int i = 0; i < Workload.DEALS; i++) {
      List<TransitionRecord> records = new ArrayList<>(history);
      for (int v = 1; v <= history; v++) {
        records.add(new TransitionRecord(v, stage, stage, Workload.LEAD_SCORED, at, true));
      }
      seeds[i] = Deal.builder().id("D-" + i).processId(processId).stage(stage).version(history)
          .createdAt(at).enteredStageAt(at).facts(facts).history(TransitionHistory.of(records)).build();
    }
    return seeds;
  }

  @Override
  public String fire(int slot, Step step, boolean last) {
    FireResult result = options == null ? engine.fire(ids[slot], step.event)
        : engine.fire(ids[slot], step.event, options);
    String stage = result.deal().stage();
    if (last) {
      store.recycle(seeds[slot]);
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
