package io.salesflow.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk reads through the JDBC store over 100,000 stored deals of about 8 history records each, what a pipeline
 * dashboard, a funnel report or a nightly export does. <b>Every figure is microseconds per returned deal</b>: each
 * row is annotated with {@link OperationsPerInvocation} set to the number of deals its call returns, so JMH divides
 * the time of one call by it.
 *
 * <ul>
 *   <li>{@code findByProcess}: all 100,000 deals;
 *   <li>{@code findByStage}, {@code findStalled}, {@code findFollowUpsOverdue}: the 20,000 deals in stage follow-up
 *       (every one of them stalled and overdue at the instant asked about);
 *   <li>{@code funnelJdbc}: {@link FunnelReport#of(io.salesflow.SalesProcess, DealStore, Instant)} over the store,
 *       100,000 deals; {@code funnelInMemory}: the same report over {@link DealStore#inMemory()} holding deals of the
 *       same scripts (it reads no database, so its figure does not depend on {@code database}). The target is
 *       {@code funnelJdbc / funnelInMemory} at most 2.
 * </ul>
 *
 * <p>The deals are made by firing events at two deals, one through the won script (8 records, ends in won) and one
 * through its first 7 events (ends in follow-up), and copying their rows in SQL (every column the tables have, so
 * the copy follows the schema): every fifth deal is a copy of the second. Setting up 100,000 deals takes a few
 * seconds, once per fork. A call takes up to seconds, so the iterations are short and few.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcBulkReadBenchmarks -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
public class JdbcBulkReadBenchmarks {
  /** Deals stored. */
  static final int DEALS = 100_000;
  /** Deals in follow-up: every fifth. */
  static final int IN_FOLLOW_UP = DEALS / 5;
  /** When the bulk queries and the report are asked: long after every stored time. */
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Param({"h2-mem", "postgres"})
  public String database;

  EmbeddedPostgres postgres;
  HikariDataSource pool;
  JdbcDealStore store;
  DealStore inMemory;

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
    Step[] won = Workload.script(2);
    Step[] followUp = Arrays.copyOf(won, won.length - 1);
    try (DealEngine engine = DealEngine.tableEngine().process(Workload.PROCESS).store(store).build()) {
      fire(engine, "T", won);
      fire(engine, "F", followUp);
    }
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      copy(s, "salesflow_deals", "id", "T", series, "MOD(x, 5) <> 0");
      copy(s, "salesflow_transitions", "deal_id", "T", series, "MOD(x, 5) <> 0");
      copy(s, "salesflow_deals", "id", "F", series, "MOD(x, 5) = 0");
      copy(s, "salesflow_transitions", "deal_id", "F", series, "MOD(x, 5) = 0");
      s.executeUpdate("DELETE FROM salesflow_transitions WHERE deal_id IN ('T', 'F')");
      s.executeUpdate("DELETE FROM salesflow_deals WHERE id IN ('T', 'F')");
      if (postgres != null) {
        s.execute("ANALYZE");
      }
    }
    List<Deal> stalled = findStalled();
    if (stalled.size() != IN_FOLLOW_UP || stalled.get(0).version() != 7) {
      throw new IllegalStateException("expected " + IN_FOLLOW_UP + " deals of 7 records, found " + stalled.size());
    }
    inMemory = DealStore.inMemory();
    try (DealEngine engine = DealEngine.tableEngine().process(Workload.PROCESS).store(inMemory).build()) {
      for (int x = 1; x <= DEALS; x++) {
        fire(engine, "B-" + x, x % 5 == 0 ? followUp : won);
      }
    }
    if (funnelInMemory().deals() != DEALS || funnelJdbc().deals() != DEALS) {
      throw new IllegalStateException("both funnel reports should count " + DEALS + " deals");
    }
  }

  private static void fire(DealEngine engine, String dealId, Step[] script) {
    engine.start(dealId, Workload.PROCESS_ID, DealFacts.none(), StageId.PROSPECTING.id);
    for (Step step : script) {
      if (!engine.fire(dealId, step.event).isAccepted()) {
        throw new IllegalStateException(step + " should be accepted");
      }
    }
  }

  /** Copies the rows of deal {@code from} in {@code table} once per number in {@code series} that passes. */
  private static void copy(Statement s, String table, String idColumn, String from, String series, String filter)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        columns.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    List<String> values = columns.stream().map(c -> c.equals(idColumn) ? "CONCAT('B-', x)" : c).toList();
    s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
        + String.join(", ", values) + " FROM " + table + ", " + series + " WHERE " + idColumn + " = '" + from
        + "' AND " + filter);
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
  @OperationsPerInvocation(DEALS)
  public List<Deal> findByProcess() {
    return store.findByProcess(Workload.PROCESS_ID);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FOLLOW_UP)
  public List<Deal> findByStage() {
    return store.findByStage(Workload.PROCESS_ID, StageId.FOLLOW_UP.id);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FOLLOW_UP)
  public List<Deal> findStalled() {
    return store.findStalled(Workload.PROCESS_ID, StageId.FOLLOW_UP.id, Duration.ofDays(1), NOW);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FOLLOW_UP)
  public List<Deal> findFollowUpsOverdue() {
    return store.findFollowUpsOverdue(Workload.PROCESS_ID, StageId.FOLLOW_UP.id, Duration.ofDays(1), NOW);
  }

  @Benchmark
  @OperationsPerInvocation(DEALS)
  public FunnelReport funnelJdbc() {
    return FunnelReport.of(Workload.PROCESS, store, NOW);
  }

  @Benchmark
  @OperationsPerInvocation(DEALS)
  public FunnelReport funnelInMemory() {
    return FunnelReport.of(Workload.PROCESS, inMemory, NOW);
  }
}
