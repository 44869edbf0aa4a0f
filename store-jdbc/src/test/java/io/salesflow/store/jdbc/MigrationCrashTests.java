package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import io.salesflow.testkit.ProcessInvariants;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk migration killed half-way and run again finishes with every deal migrated exactly once: deals of version 1
 * are written in this JVM, a second JVM migrates them in batches and is killed with {@code kill -9} after a few
 * batches, and the migration is then run again here, on a store opened anew. Every deal must end on version 2 with
 * exactly one migration record, its history whole, and the two runs together must have migrated every deal.
 */
class MigrationCrashTests {
  static final String REASON = "working became qualifying";
  static final int BATCH = 10;
  private static final int DEALS = 150;
  private static final Instant AT = Instant.parse("2026-09-01T08:00:00Z");

  @Test
  void aMigrationKilledHalfWayOnTheDurableH2FileFinishesWhenRunAgain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("deals");
    killAndResume("h2", file.toString(), () -> JdbcDealStore.h2File(file));
  }

  @Test
  void aMigrationKilledHalfWayOnPostgresFinishesWhenRunAgain() throws Exception {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    String url = EmbeddedPostgresSupport.jdbcUrl(database);
    killAndResume("postgres", url, () -> JdbcDealStore.builder(database).build());
  }

  private static void killAndResume(String kind, String where, Supplier<JdbcDealStore> open) throws Exception {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    int killAfterBatches = 3 + random.nextInt(6);
    String context = kind + " (seed " + seed + ", killed after " + killAfterBatches + " batches of " + BATCH + ")";
    JdbcDealStore first = open.get();
    try (DealEngine engine = engine(first)) {
      for (int d = 0; d < DEALS; d++) {
        String id = String.format("M-%03d", d);
        engine.start(DealEngine.Start.of(id, TestProcesses.ID).processVersion(1)
            .facts(DealFacts.builder().source("migration").build()));
        for (int e = 0; e < random.nextInt(5); e++) {
          engine.fire(id, TestProcesses.event(random.nextInt(4), AT.plusSeconds(60L * (d * 10 + e))));
        }
      }
    } finally {
      first.close();
    }

    long migratedBeforeTheKill = runAndKill(kind, where, killAfterBatches, context);

    JdbcDealStore reopened = open.get();
    try (DealEngine engine = engine(reopened)) {
      List<Deal> halfWay = reopened.findByProcess(TestProcesses.ID);
      long onVersionTwo = halfWay.stream().filter(d -> d.processVersion() == 2).count();
      assertThat(onVersionTwo).as("%s: deals migrated when the writer was killed", context)
          .isGreaterThanOrEqualTo(migratedBeforeTheKill).isLessThan(DEALS);

      DealEngine.MigrationProgress resumed = engine.migrateAll(TestProcesses.plan(), "ops-ann", REASON, BATCH,
          progress -> { });

      assertThat(resumed.finished()).isTrue();
      assertThat(resumed.refused()).as(context).isEmpty();
      assertThat(resumed.migrated()).as("%s: the second run migrates only what the first left", context)
          .isEqualTo(DEALS - onVersionTwo);
      List<DealStore.Unreadable> unreadable = new ArrayList<>();
      List<Deal> deals = reopened.findByProcess(TestProcesses.ID, unreadable::add);
      assertThat(unreadable).as(context).isEmpty();
      assertThat(deals).hasSize(DEALS);
      for (Deal deal : deals) {
        List<TransitionRecord> migrations = deal.history().stream()
            .filter(r -> r.event() instanceof SalesEvent.DealMigrated).toList();
        assertThat(deal.processVersion()).as("%s: version of %s", context, deal.id()).isEqualTo(2);
        assertThat(migrations).as("%s: migrations of %s", context, deal.id()).hasSize(1);
        assertThat(migrations.get(0).actor()).isEqualTo("ops-ann");
        assertThat(TestProcesses.version2().findStage(deal.stage())).as(deal.id()).isPresent();
        assertThat(ProcessInvariants.historyViolations(deal)).as(context).isEmpty();
      }
      assertThat(engine.migrateAll(TestProcesses.plan(), "ops-ann", REASON).migrated()).isZero();
    } finally {
      reopened.close();
    }
  }

  private static DealEngine engine(JdbcDealStore store) {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline()).process(TestProcesses.version2())
        .store(store).build();
  }

  /** Starts the migrating JVM, kills it with SIGKILL after it reported {@code batches} batches; returns how many
   * deals it reported migrated. */
  private static long runAndKill(String kind, String where, int batches, String context)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path errors = Files.createTempFile("migration-writer", ".err");
    Process writer = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        MigrationCrashWriter.class.getName(), kind, where)
        .redirectError(errors.toFile())
        .start();
    AtomicLong migrated = new AtomicLong();
    CountDownLatch enough = new CountDownLatch(1);
    List<String> lines = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          synchronized (lines) {
            lines.add(line);
          }
          String[] parts = line.split(" ");
          if (parts[0].equals("B")) {
            migrated.set(Long.parseLong(parts[2]));
            if (Long.parseLong(parts[1]) >= batches) {
              writer.destroyForcibly(); // SIGKILL as soon as the batch is reported: the next one is under way
              enough.countDown();
            }
          }
        }
      } catch (IOException e) {
        // killed mid-line: what was read before counts
      }
    }, "migration-writer-output");
    reader.start();
    boolean reached = enough.await(1, TimeUnit.MINUTES);
    writer.destroyForcibly();
    writer.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
    String stderr = Files.readString(errors);
    Files.deleteIfExists(errors);
    synchronized (lines) {
      assertThat(reached).as("%s: the writer reported %s; its error output:%n%s", context, lines, stderr).isTrue();
      assertThat(lines).as(context + ": killed before it finished").doesNotContain("DONE");
    }
    assertThat(writer.exitValue()).as(context + ": killed by SIGKILL").isEqualTo(128 + 9);
    return migrated.get();
  }
}
