package io.salesflow.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.benchmarks.Workload.StageId;
import io.salesflow.benchmarks.Workload.Step;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.jdbc.JdbcDealStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Accepted transitions per second through the table engine on the JDBC store: an H2 file database with its default
 * delayed writes ({@code WRITE_DELAY} 500 ms: a killed process loses the last commits), the same with
 * {@code WRITE_DELAY=0} as {@code JdbcDealStore.h2File} opens it (every commit in the file before it returns), and
 * an embedded PostgreSQL 17 (zonky) with {@code fsync} and {@code synchronous_commit} on. 1 and 4 threads.
 *
 * <p>Each fire is one read of the deal with its history and one transaction (version-checked update of the deal,
 * insert of the history row, commit). Every thread works on its own 256 deals, in round robin, so the figure measures
 * the store and not the engine's retries on conflicts. The deals sit in presentation and loop through the objection
 * cycle (objection raised, objection resolved), so every event is accepted; a rejected one fails the iteration. Each
 * iteration starts new deals, so histories stay short (reported on stderr at the end of each iteration).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JdbcStoreBenchmarks
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

  /** The database, the pool and the engine, shared by the threads. */
  @State(Scope.Benchmark)
  public static class Database {
    @Param({"h2-file-delayed", "h2-file-durable", "postgres"})
    public String database;

    EmbeddedPostgres postgres;
    HikariDataSource pool;
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
      engine = DealEngine.tableEngine().process(Workload.PROCESS).store(JdbcDealStore.builder(pool).build())
          .build();
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
    }

    @TearDown(Level.Iteration)
    public void check(BenchmarkParams params) {
      System.err.printf("%s: %d accepted, %d rejected, %.1f history records per deal at the end%n",
          params.getBenchmark(), accepted, rejected, accepted / (double) DEALS_PER_THREAD);
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

  static {
    // Referenced so that a missing driver fails at class loading, not in the middle of a run.
    if (org.h2.Driver.class == null || org.postgresql.Driver.class == null) {
      throw new UncheckedIOException(new IOException("JDBC drivers missing"));
    }
  }
}
