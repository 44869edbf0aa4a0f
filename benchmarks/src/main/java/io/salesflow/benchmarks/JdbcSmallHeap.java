package io.salesflow.benchmarks;

import io.salesflow.DealFacts;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.jdbc.JdbcDealStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Serves 2,000 deals of 300 history records each (600,000 records) from the durable H2 file store with its default
 * recent-deals bound, in whatever heap the JVM is given: it stores them (one deal fired 300 times, copied in SQL),
 * then fires at every deal twice in round robin, so that the working set is six times what the recent deals hold.
 * Run it with {@code -Xmx128m -XX:+ExitOnOutOfMemoryError}: it prints the events served and the heap used, or the JVM
 * exits with status 3 when the heap runs out.
 *
 * <pre>
 * java -Xmx128m -XX:+ExitOnOutOfMemoryError -cp benchmarks/target/benchmarks.jar \
 *     io.salesflow.benchmarks.JdbcSmallHeap
 * </pre>
 */
public final class JdbcSmallHeap {
  static final int DEALS = 2_000;
  static final int HISTORY = 300;
  static final int FITTING = 250;

  private JdbcSmallHeap() {}

  /**
   * Runs the check.
   *
   * @param args the database file to create, optional; a temporary directory otherwise
   */
  public static void main(String[] args) throws Exception {
    Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("salesflow-small-heap").resolve("deals");
    long began = System.nanoTime();
    try (JdbcDealStore store = JdbcDealStore.h2File(file)) {
      DealEngine engine = DealEngine.tableEngine().process(Workload.PROCESS).store(store).build();
      engine.start("T", Workload.PROCESS_ID, DealFacts.none(), StageId.PRESENTATION.id);
      for (int i = 0; i < HISTORY; i++) {
        engine.fire("T", i % 2 == 0 ? Step.OBJECT.event : Step.RESOLVE.event);
      }
      copy(file);
      long stored = System.nanoTime();
      // first a working set that fits the recent deals (250 deals, about 75,000 records), then the rest of the deals,
      // a working set five times the bound: the cost per event should not jump between the two
      double fits = serve(engine, 1, FITTING, 4);
      double exceeds = serve(engine, FITTING + 1, DEALS, 2);
      long done = System.nanoTime();
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      System.out.printf("served %,d events on %,d deals of %d records in %.0f s: %.1f ms per event while the"
          + " working set fits the recent deals (%d deals, rounds 2 to 4), %.1f ms per event on %,d deals past them;"
          + " stored in %.0f s; heap used after GC %d MB of %d MB%n", FITTING * 4 + (DEALS - FITTING) * 2, DEALS,
          HISTORY, (done - stored) / 1e9, fits, FITTING, exceeds, DEALS - FITTING, (stored - began) / 1e9,
          (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }
  }

  /** Fires at deals C-first ... C-last, round after round; the milliseconds per event of all but the first round. */
  private static double serve(DealEngine engine, int first, int last, int rounds) {
    long measuredFrom = 0;
    int measured = 0;
    for (int round = 0; round < rounds; round++) {
      if (round == 1) {
        measuredFrom = System.nanoTime();
      }
      for (int d = first; d <= last; d++) {
        FireResult result = engine.fire("C-" + d, round % 2 == 0 ? Step.OBJECT.event : Step.RESOLVE.event);
        if (!result.isAccepted() || result.deal().version() != HISTORY + round + 1) {
          throw new IllegalStateException("unexpected result " + result);
        }
        if (round > 0) {
          measured++;
        }
      }
    }
    return (System.nanoTime() - measuredFrom) / 1e6 / measured;
  }

  /** Copies deal T and its history to C-1 ... C-2000 in SQL. */
  private static void copy(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection(JdbcDealStore.h2FileUrl(file), "sa", "");
        Statement s = c.createStatement()) {
      String series = "SYSTEM_RANGE(1, " + DEALS + ") AS s";
      s.executeUpdate("INSERT INTO salesflow_deals (id, process_id, stage, version, created_at, entered_stage_at,"
          + " last_follow_up_at, follow_up_due_from, updated_at, state, state_version) SELECT CONCAT('C-', x),"
          + " process_id, stage, version, created_at, entered_stage_at, last_follow_up_at, follow_up_due_from,"
          + " updated_at, state, state_version FROM"
          + " salesflow_deals, " + series + " WHERE id = 'T'");
      s.executeUpdate("INSERT INTO salesflow_transitions (deal_id, version, from_stage, to_stage, event_type,"
          + " is_internal, recorded_at, occurred_at, payload) SELECT CONCAT('C-', x), version, from_stage, to_stage,"
          + " event_type, is_internal, recorded_at, occurred_at, payload FROM salesflow_transitions, " + series
          + " WHERE deal_id = 'T'");
    }
  }
}
