package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's snippets work as shown. */
class JdbcStoreSnippetsTests {
  private static final Instant AT = Instant.parse("2026-08-01T12:00:00Z");

  @Test
  void theH2SnippetStoresDealsInAFile(@TempDir Path dir) {
    DealEngine engine = JdbcStoreSnippets.withH2(TestProcesses.busyPipeline(), dir);
    FireResult result;
    try (JdbcDealStore store = (JdbcDealStore) engine.store()) {
      engine.start("D-42", TestProcesses.ID);
      result = engine.fire("D-42", new SalesEvent.ContactMade(AT, ContactChannel.PHONE));

      assertThat(result.isAccepted()).isTrue();
      assertThat(store.find("D-42")).contains(result.deal());
    }
    assertThat(dir.resolve("deals.mv.db")).exists();
    try (JdbcDealStore reopened = JdbcDealStore.h2File(dir.resolve("deals"))) {
      assertThat(reopened.find("D-42")).contains(result.deal());
    }
  }

  @Test
  void thePostgresSnippetSharesDealsThroughTheDatabase() {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    String url = EmbeddedPostgresSupport.jdbcUrl(database);
    try (DealEngine engine = JdbcStoreSnippets.withPostgres(TestProcesses.busyPipeline(), url, "postgres", "")) {
      engine.start("D-42", TestProcesses.ID);
      FireResult result = engine.fire("D-42", new SalesEvent.ContactMade(AT, ContactChannel.PHONE));

      assertThat(result.isAccepted()).isTrue();
      assertThat(JdbcDealStore.builder(database).migrate(false).build().find("D-42")).contains(result.deal());
    }
  }

  @Test
  void theTransactionSnippetCommitsTheLeadWithItsDealAndRollsBackBoth() throws SQLException {
    for (DataSource database : List.of(JdbcTestSupport.newH2(), EmbeddedPostgresSupport.newDatabase())) {
      JdbcDealStore store = JdbcDealStore.builder(database).build();
      JdbcTestSupport.update(database, "CREATE TABLE leads (id VARCHAR(64) PRIMARY KEY)");

      JdbcStoreSnippets.startDealForNewLead(database, store, TestProcesses.busyPipeline(), "L-1", "D-1");
      assertThatThrownBy(() -> JdbcStoreSnippets.startDealForNewLead(database, store, TestProcesses.busyPipeline(),
          "L-2", "D-1")).isInstanceOf(DuplicateDealException.class); // the second deal fails: no second lead

      assertThat(JdbcTestSupport.count(database, "SELECT COUNT(*) FROM leads WHERE id LIKE ?", "L-%")).isOne();
      assertThat(store.find("D-1")).isPresent();
    }
  }
}
