package io.salesflow.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.jackson2.SalesflowJackson2Module;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Accepted transitions per second through the table engine on the JDBC store: an H2 file database with its default
 * delayed writes ({@code WRITE_DELAY} 500 ms: a killed process loses the last commits), the same with
 * {@code WRITE_DELAY=0} as {@code JdbcDealStore.h2File} opens it (every commit in the file before it returns), and
 * an embedded PostgreSQL 17 (zonky) with {@code fsync} and {@code synchronous_commit} on. 1 and 4 threads.
 *
 * <p>Each fire is one transaction (version-checked update of the deal, insert of the history row, commit), after one
 * read that checks the store's copy of the deal against its row on H2; on PostgreSQL the engine decides on the copy
 * unread and the update also checks the row's {@code xmin}. Every thread works on its own 256 deals, in round
 * robin, so the figure measures the store and not the engine's retries on conflicts. The deals sit in presentation
 * and loop through the objection cycle (objection raised, objection resolved), so every event is accepted; a
 * rejected one fails the iteration. Each iteration starts new deals, so histories stay short (reported on stderr at
 * the end of each iteration).
 *
 * <p>Rows {@code floorThreads1} and {@code floorThreads4} are the floor: the same durable writes per accepted event
 * in plain JDBC, with no engine and no store. Each event takes a connection from the same pool, turns auto-commit
 * off, runs the store's own version-checked {@code UPDATE} of the deal row and {@code INSERT} of the history row
 * (prepared, the same columns, a payload document of the same size written with the same Jackson mapping) and
 * commits. It reads nothing: it knows each deal's version and stage, as an application that owned the rows would.
 * The store's rows do what the floor does plus, on H2, reading the deal (a cached deal is still checked against its
 * row), the engine's decision, and encoding the event; the ratio of the two is how near the store is to the floor.
 *
 * <p>Each row also prints, per thread and iteration, the bytes it wrote per accepted event: the parameters of its
 * writing statements, text as UTF-8 bytes, numbers and timestamps as 8, booleans as 1, nulls as 0 (as the store's
 * write-size test counts them), how many writing statements that took, and how many statements read. Both rows go
 * through the same counting wrapper in front of the pool.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcStoreBenchmarks
 * java -jar benchmarks/target/benchmarks.jar JdbcStoreBenchmarks -p database=postgres,h2-file-durable
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class JdbcStoreBenchmarks {
  /** Deals each thread fires at. */
  static final int DEALS_PER_THREAD = 256;

  private static final AtomicLong NAMES = new AtomicLong();

  /** The store's version-checked update of the deal row when its state document is not rewritten. */
  static final String UPDATE_DEAL = "UPDATE salesflow_deals SET stage = ?, version = ?, entered_stage_at = ?,"
      + " last_follow_up_at = ?, follow_up_due_from = ?, updated_at = ?, process_version = ?, owner = ?"
      + " WHERE id = ? AND version = ?";

  /** The store's insert of a history row, for a payload column of the given SQL (a cast to jsonb, or not). */
  static String insertTransition(String document) {
    return "INSERT INTO salesflow_transitions (deal_id, version, from_stage, to_stage, event_type, is_internal,"
        + " recorded_at, occurred_at, payload, idempotency_key, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + document
        + ", ?, ?)";
  }

  /** The database, the pool and the engine, shared by the threads. */
  @State(Scope.Benchmark)
  public static class Database {
    @Param({"h2-file-delayed", "h2-file-durable", "postgres"})
    public String database;

    EmbeddedPostgres postgres;
    HikariDataSource pool;
    /** The pool behind the counting wrapper: what the store and the floor both use. */
    DataSource counted;
    /** The floor's insert of a history row. */
    String insertTransition;
    /** The floor's payload documents of raising and resolving an objection. */
    String objectionRaised;
    String objectionResolved;
    Path directory;
    DealEngine engine;

    @Setup(Level.Trial)
    public void start() throws IOException {
      HikariConfig config = new HikariConfig();
      config.setMaximumPoolSize(8);
      switch (database) {
        case "h2-file-delayed" -> {
          directory = Files.createTempDirectory("salesflow-bench-h2");
          // Default H2 settings, WRITE_DELAY (500 ms) included: a commit returns before H2 writes it to the file.
          config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("deals") + ";DB_CLOSE_DELAY=-1");
          config.setUsername("sa");
          config.setPassword("");
        }
        case "h2-file-durable" -> {
          directory = Files.createTempDirectory("salesflow-bench-h2");
          // The URL JdbcDealStore.h2File uses: WRITE_DELAY=0, each commit written to the file before it returns.
          config.setJdbcUrl(JdbcDealStore.h2FileUrl(directory.resolve("deals")));
          config.setUsername("sa");
          config.setPassword("");
        }
        case "postgres" -> {
          postgres = EmbeddedPostgres.builder()
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .start();
          config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
          config.setUsername("postgres");
        }
        default -> throw new IllegalArgumentException("unknown database " + database);
      }
      pool = new HikariDataSource(config);
      counted = new WrittenBytes(pool);
      engine = DealEngine.tableEngine().process(Workload.PROCESS).store(JdbcDealStore.builder(counted).build())
          .build();
      insertTransition = insertTransition(database.equals("postgres") ? "CAST(? AS jsonb)" : "?");
      objectionRaised = payload(Step.OBJECT.event);
      objectionResolved = payload(Step.RESOLVE.event);
    }

    /**
     * A payload document as the store writes it (format, the time recorded, the event, with the Salesflow Jackson 2
     * mapping), for a transition recorded now: the same size as the store's, written once, not per event.
     */
    private static String payload(SalesEvent event) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("format", 2);
      document.put("at", Instant.now().toString());
      document.put("event", event);
      try {
        return new ObjectMapper().registerModule(new SalesflowJackson2Module()).writeValueAsString(document);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("could not write the floor's payload document", e);
      }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      engine.close();
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
  }

  /** One thread's deals and where each stands in the objection loop. */
  @State(Scope.Thread)
  public static class Deals {
    final String[] ids = new String[DEALS_PER_THREAD];
    final boolean[] objectionOpen = new boolean[DEALS_PER_THREAD];
    int next;
    long accepted;
    long rejected;
    long bytesBefore;
    long statementsBefore;
    long readsBefore;

    @Setup(Level.Iteration)
    public void startDeals(Database db) {
      String prefix = "J" + NAMES.incrementAndGet() + "-";
      for (int i = 0; i < DEALS_PER_THREAD; i++) {
        ids[i] = prefix + i;
        db.engine.start(ids[i], Workload.PROCESS_ID, DealFacts.none(), StageId.PRESENTATION.id);
        objectionOpen[i] = false;
      }
      next = 0;
      accepted = 0;
      rejected = 0;
      bytesBefore = WrittenBytes.bytes();
      statementsBefore = WrittenBytes.statements();
      readsBefore = WrittenBytes.reads();
    }

    @TearDown(Level.Iteration)
    public void check(BenchmarkParams params) {
      System.err.printf(Locale.ROOT, "%s: %d accepted, %d rejected, %.1f history records per deal at the end; %s%n",
          params.getBenchmark(), accepted, rejected, accepted / (double) DEALS_PER_THREAD,
          written(accepted, bytesBefore, statementsBefore, readsBefore));
      if (rejected > 0) {
        throw new IllegalStateException(rejected + " events were rejected; every event should be accepted");
      }
    }

    FireResult fire(DealEngine engine) {
      int i = next;
      next = i == DEALS_PER_THREAD - 1 ? 0 : i + 1;
      SalesEvent event = objectionOpen[i] ? Step.RESOLVE.event : Step.OBJECT.event;
      FireResult result = engine.fire(ids[i], event);
      if (result.isAccepted()) {
        objectionOpen[i] = !objectionOpen[i];
        accepted++;
      } else {
        rejected++;
      }
      return result;
    }
  }

  /** What a thread wrote and read per accepted event since the counts given, as a line of the report. */
  static String written(long accepted, long bytesBefore, long statementsBefore, long readsBefore) {
    long events = Math.max(1, accepted);
    return String.format(Locale.ROOT, "%.1f bytes written per accepted event in %.2f writing statements;"
        + " %.2f reading statements per accepted event",
        (WrittenBytes.bytes() - bytesBefore) / (double) events,
        (WrittenBytes.statements() - statementsBefore) / (double) events,
        (WrittenBytes.reads() - readsBefore) / (double) events);
  }

  /**
   * One thread's deals for the floor: started through the engine before the iteration, then written to with plain
   * JDBC. The floor knows each deal's version and whether its objection is open, so it reads nothing.
   */
  @State(Scope.Thread)
  public static class FloorDeals {
    final String[] ids = new String[DEALS_PER_THREAD];
    final long[] versions = new long[DEALS_PER_THREAD];
    final boolean[] objectionOpen = new boolean[DEALS_PER_THREAD];
    int next;
    long accepted;
    long bytesBefore;
    long statementsBefore;
    long readsBefore;

    @Setup(Level.Iteration)
    public void startDeals(Database db) {
      String prefix = "F" + NAMES.incrementAndGet() + "-";
      for (int i = 0; i < DEALS_PER_THREAD; i++) {
        ids[i] = prefix + i;
        db.engine.start(ids[i], Workload.PROCESS_ID, DealFacts.none(), StageId.PRESENTATION.id);
        versions[i] = 0;
        objectionOpen[i] = false;
      }
      next = 0;
      accepted = 0;
      bytesBefore = WrittenBytes.bytes();
      statementsBefore = WrittenBytes.statements();
      readsBefore = WrittenBytes.reads();
    }

    @TearDown(Level.Iteration)
    public void report(BenchmarkParams params) {
      System.err.printf(Locale.ROOT, "%s: %d accepted, %.1f history records per deal at the end; %s%n",
          params.getBenchmark(), accepted, accepted / (double) DEALS_PER_THREAD,
          written(accepted, bytesBefore, statementsBefore, readsBefore));
    }

    /** The writes of one accepted event: the deal row's update, version checked, and the history row, committed. */
    long write(Database db) throws SQLException {
      int i = next;
      next = i == DEALS_PER_THREAD - 1 ? 0 : i + 1;
      boolean open = objectionOpen[i];
      String from = open ? StageId.HANDLING_OBJECTIONS.id : StageId.PRESENTATION.id;
      String to = open ? StageId.PRESENTATION.id : StageId.HANDLING_OBJECTIONS.id;
      SalesEvent event = open ? Step.RESOLVE.event : Step.OBJECT.event;
      long version = versions[i] + 1;
      OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
      OffsetDateTime occurred = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
      try (Connection c = db.counted.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(UPDATE_DEAL)) {
          ps.setString(1, to);
          ps.setLong(2, version);
          ps.setObject(3, now);
          ps.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
          ps.setObject(5, now);
          ps.setObject(6, now);
          ps.setInt(7, 1);
          ps.setString(8, null);
          ps.setString(9, ids[i]);
          ps.setLong(10, version - 1);
          if (ps.executeUpdate() != 1) {
            throw new IllegalStateException("deal '" + ids[i] + "' was not at version " + (version - 1));
          }
        }
        try (PreparedStatement ps = c.prepareStatement(db.insertTransition)) {
          ps.setString(1, ids[i]);
          ps.setLong(2, version);
          ps.setString(3, from);
          ps.setString(4, to);
          ps.setString(5, event.type().id());
          ps.setBoolean(6, false);
          ps.setObject(7, now);
          ps.setObject(8, occurred);
          ps.setString(9, open ? db.objectionResolved : db.objectionRaised);
          ps.setString(10, null);
          ps.setString(11, null);
          ps.executeUpdate();
        }
        c.commit();
      }
      versions[i] = version;
      objectionOpen[i] = !open;
      accepted++;
      return version;
    }
  }

  @Benchmark
  @Threads(1)
  public FireResult threads1(Database db, Deals deals) {
    return deals.fire(db.engine);
  }

  @Benchmark
  @Threads(4)
  public FireResult threads4(Database db, Deals deals) {
    return deals.fire(db.engine);
  }

  @Benchmark
  @Threads(1)
  public long floorThreads1(Database db, FloorDeals deals) throws SQLException {
    return deals.write(db);
  }

  @Benchmark
  @Threads(4)
  public long floorThreads4(Database db, FloorDeals deals) throws SQLException {
    return deals.write(db);
  }

  static {
    // Referenced so that a missing driver fails at class loading, not in the middle of a run.
    if (org.h2.Driver.class == null || org.postgresql.Driver.class == null) {
      throw new UncheckedIOException(new IOException("JDBC drivers missing"));
    }
  }
}
