package io.salesflow.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.DealFacts;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDBC store's recent deals under a working set larger than they hold, in a 128 MB heap: 2,000 deals with 300
 * history records each are stored, and one thread fires at the first {@code workingSet} of them in round robin,
 * through a store with its default bound (100,000 history records, about 330 of these deals). The time per event
 * should rise smoothly as the working set outgrows the bound, not jump, and the run should not run out of memory.
 *
 * <p>The deals are made by firing 300 events at one deal and copying its rows 2,000 times in SQL. They sit in
 * presentation and loop objection raised, objection resolved, so every event is accepted.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcCacheBenchmarks
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m", "-XX:+ExitOnOutOfMemoryError"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class JdbcCacheBenchmarks {
  /** Deals stored. */
  static final int DEALS = 2_000;
  /** History records per stored deal. */
  static final int HISTORY = 300;

  @Param({"h2-file-durable", "postgres"})
  public String database;

  /** How many of the stored deals are fired at, in round robin. */
  @Param({"250", "400", "2000"})
  public int workingSet;

  EmbeddedPostgres postgres;
  HikariDataSource pool;
  Path directory;
  DealEngine engine;
  JdbcDealStore store;
  final boolean[] objectionOpen = new boolean[DEALS];
  int next;

  @Setup(Level.Trial)
  public void storeDeals() throws IOException, SQLException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(4);
    String series;
    if (database.equals("postgres")) {
      postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .start();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
      series = "generate_series(1, " + DEALS + ") AS s(x)";
    } else {
      directory = Files.createTempDirectory("salesflow-bench-cache");
      config.setJdbcUrl(JdbcDealStore.h2FileUrl(directory.resolve("deals")));
      config.setUsername("sa");
      config.setPassword("");
      series = "SYSTEM_RANGE(1, " + DEALS + ") AS s";
    }
    pool = new HikariDataSource(config);
    store = JdbcDealStore.builder(pool).build();
    engine = DealEngine.tableEngine().process(Workload.PROCESS).store(store).build();
    engine.start("T", Workload.PROCESS_ID, DealFacts.none(), StageId.PRESENTATION.id);
    for (int i = 0; i < HISTORY; i++) {
      engine.fire("T", i % 2 == 0 ? Step.OBJECT.event : Step.RESOLVE.event);
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
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

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    engine.close();
    store.close();
    pool.close();
    if (postgres != null) {
      postgres.close();
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Benchmark
  public FireResult fire() {
    int i = next;
    next = i + 1 == workingSet ? 0 : i + 1;
    FireResult result = engine.fire("C-" + (i + 1), objectionOpen[i] ? Step.RESOLVE.event : Step.OBJECT.event);
    if (!result.isAccepted()) {
      throw new IllegalStateException("every event should be accepted, but " + result);
    }
    objectionOpen[i] = !objectionOpen[i];
    return result;
  }
}
