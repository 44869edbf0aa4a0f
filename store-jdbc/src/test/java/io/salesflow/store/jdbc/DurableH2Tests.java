package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.engine.DealEngine;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable embedded set-up in one call, and a warning with the fix for an H2 file database that writes late. That
 * it keeps acknowledged changes through {@code kill -9} is {@link CrashTests}' to show.
 */
class DurableH2Tests {
  private static final Instant AT = Instant.parse("2026-10-10T10:00:00Z");

  @Test
  void h2FileOpensAMigratedStoreInAFileThatANewStoreReadsBack(@TempDir Path dir) {
    Path file = dir.resolve("data").resolve("deals"); // the directory does not exist yet
    Deal written;
    try (JdbcDealStore store = JdbcDealStore.h2File(file)) {
      DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store).build();
      engine.start("D-1", TestProcesses.ID);
      written = engine.fire("D-1", TestProcesses.event(0, AT)).deal();
    }
    assertThat(dir.resolve("data").resolve("deals.mv.db")).exists();
    try (JdbcDealStore reopened = JdbcDealStore.h2File(dir.resolve("data").resolve("deals.mv.db"))) {
      assertThat(reopened.find("D-1")).contains(written);
    }
  }

  @Test
  void theDurableUrlTurnsOffH2sWriteDelay(@TempDir Path dir) {
    String url = JdbcDealStore.h2FileUrl(dir.resolve("deals"));

    assertThat(url).startsWith("jdbc:h2:file:" + dir.toAbsolutePath()).endsWith(";WRITE_DELAY=0");
    assertThat(JdbcDealStore.delayedWritesWarning(JdbcTestSupport.h2(url))).isNull();
  }

  @Test
  void anH2FileWithDelayedWritesGetsAWarningThatSaysHowToFixIt(@TempDir Path dir) {
    String warning = JdbcDealStore.delayedWritesWarning(JdbcTestSupport.h2("jdbc:h2:file:" + dir.resolve("late")));

    assertThat(warning).contains("500 ms").contains("WRITE_DELAY=0").contains("JdbcDealStore.h2File(path)")
        .contains("lost if the process is killed");
  }

  @Test
  void inMemoryH2AndOtherDatabasesGetNoWarning() {
    assertThat(JdbcDealStore.delayedWritesWarning(JdbcTestSupport.newH2())).isNull();
    assertThat(JdbcDealStore.delayedWritesWarning(EmbeddedPostgresSupport.newDatabase())).isNull();
  }

  @Test
  void refusesAPathThatH2WouldReadAsSettings(@TempDir Path dir) {
    assertThatThrownBy(() -> JdbcDealStore.h2FileUrl(dir.resolve("deals;WRITE_DELAY=500")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("';'");
  }
}
