package io.salesflow.store.jdbc;

import io.salesflow.engine.DealEngine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The migrating JVM of {@link MigrationCrashTests}: runs the bulk migration from {@link TestProcesses#busyPipeline()}
 * to {@link TestProcesses#version2()} in small batches, printing {@code B <batches> <migrated>} after each batch, until
 * it is killed or done ({@code DONE}).
 *
 * <p>Arguments: {@code h2 <file>} or {@code postgres <jdbc url>}.
 */
public final class MigrationCrashWriter {
  private MigrationCrashWriter() {}

  /**
   * Migrates until killed.
   *
   * @param args the database kind and where it is
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    JdbcDealStore store;
    if (args[0].equals("h2")) {
      store = JdbcDealStore.h2File(Path.of(args[1]));
    } else {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(args[1]);
      postgres.setUser("postgres");
      store = JdbcDealStore.builder(postgres).build();
    }
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .process(TestProcesses.version2()).store(store).build();
    engine.migrateAll(TestProcesses.plan(), "ops-ann", MigrationCrashTests.REASON, MigrationCrashTests.BATCH,
        progress -> {
          out.println("B " + progress.batches() + " " + progress.migrated());
          out.flush();
          pause(); // leaves the test time to kill the writer before it is done, on a fast machine too
        });
    out.println("DONE");
    out.flush();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
