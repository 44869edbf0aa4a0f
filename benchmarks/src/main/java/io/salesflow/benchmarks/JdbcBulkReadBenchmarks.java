package io.salesflow.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
 * A bulk read: {@code findByProcess} over 10,000 stored deals of 8 history records each (the workload's won script),
 * what a funnel report or a nightly export does. Time per call; divide by 10,000 for the cost per deal, which on
 * in-memory H2 is mostly the store turning rows and JSON documents into deals.
 *
 * <p>The deals are made by firing the 8 events at one deal and copying its rows 10,000 times in SQL (every column
 * the tables have, so the copy follows the schema).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcBulkReadBenchmarks
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class JdbcBulkReadBenchmarks {
  /** Deals stored. */
  static final int DEALS = 10_000;

  @Param({"h2-mem", "postgres"})
  public String database;

  EmbeddedPostgres postgres;
  HikariDataSource pool;
  JdbcDealStore store;

  @Setup(Level.Trial)
  public void storeDeals() throws IOException, SQLException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(2);
    String series;
    if (database.equals("postgres")) {
      postgres = EmbeddedPostgres.builder().start();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
      series = "generate_series(1, " + DEALS + ") AS s(x)";
    } else {
      config.setJdbcUrl("jdbc:h2:mem:bulk-read;DB_CLOSE_DELAY=-1");
      config.setUsername("sa");
      config.setPassword("");
      series = "SYSTEM_RANGE(1, " + DEALS + ") AS s";
    }
    pool = new HikariDataSource(config);
    store = JdbcDealStore.builder(pool).build();
    try (DealEngine engine = DealEngine.tableEngine().process(Workload.PROCESS).store(store).build()) {
      engine.start("T", Workload.PROCESS_ID, DealFacts.none(), StageId.PROSPECTING.id);
      for (Step step : Workload.script(2)) {
        if (!engine.fire("T", step.event).isAccepted()) {
          throw new IllegalStateException(step + " should be accepted");
        }
      }
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      copy(s, "salesflow_deals", "id", series);
      copy(s, "salesflow_transitions", "deal_id", series);
      s.executeUpdate("DELETE FROM salesflow_transitions WHERE deal_id = 'T'");
      s.executeUpdate("DELETE FROM salesflow_deals WHERE id = 'T'");
      if (postgres != null) {
        s.execute("ANALYZE");
      }
    }
    List<Deal> deals = store.findByProcess(Workload.PROCESS_ID);
    if (deals.size() != DEALS || deals.get(0).version() != 8) {
      throw new IllegalStateException("expected " + DEALS + " deals of 8 records, found " + deals.size());
    }
  }

  /** Copies the rows of deal 'T' in {@code table} once per number in {@code series}, as deal 'B-number'. */
  private static void copy(Statement s, String table, String idColumn, String series) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    List<String> values = columns.stream().map(c -> c.equals(idColumn) ? "CONCAT('B-', x)" : c).toList();
    s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM " + table + ", " + series + " WHERE " + idColumn + " = 'T'");
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    store.close();
    pool.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  @Benchmark
  public List<Deal> findByProcess() {
    return store.findByProcess(Workload.PROCESS_ID);
  }
}
