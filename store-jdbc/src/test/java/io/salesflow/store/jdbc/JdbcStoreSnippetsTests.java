package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's snippets work as shown. */
class JdbcStoreSnippetsTests {
  private static final Instant AT = Instant.parse("2026-08-01T12:00:00Z");

  @Test
  void theH2SnippetStoresDealsInAFile(@TempDir Path dir) {
    try (DealEngine engine = JdbcStoreSnippets.withH2(TestProcesses.busyPipeline(), dir)) {
      engine.start("D-42", TestProcesses.ID);
      FireResult result = engine.fire("D-42", new SalesEvent.ContactMade(AT, ContactChannel.PHONE));

      assertThat(result.isAccepted()).isTrue();
      assertThat(engine.store().find("D-42")).contains(result.deal());
    }
    assertThat(dir.resolve("deals.mv.db")).exists();
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
}
