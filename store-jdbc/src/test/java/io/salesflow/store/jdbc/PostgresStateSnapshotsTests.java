package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Written and replayed state on PostgreSQL, whose jsonb columns cannot hold a NUL character. */
class PostgresStateSnapshotsTests extends StateSnapshotsContract {
  private static DataSource database;

  @BeforeAll
  static void createDatabase() {
    database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
  }

  @Override
  protected DataSource database() {
    JdbcTestSupport.clear(database);
    return database;
  }

  @Test
  void refusesANulCharacterNamingTheDealAndWritesNothing() {
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(database).migrate(false).build()).build();
    engine.start("D-9", TestProcesses.ID);
    engine.fire("D-9", TestProcesses.event(0, Instant.EPOCH));
    engine.fire("D-9", TestProcesses.event(2, Instant.EPOCH)); // into 'presenting'
    SalesEvent objection = new SalesEvent.ObjectionRaised(Instant.EPOCH, SalesEvent.ObjectionCategory.NEED,
        "nul \u0000 here");

    assertThatThrownBy(() -> engine.fire("D-9", objection))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal 'D-9'")
        .hasMessageContaining("U+0000")
        .hasMessageContaining("nothing was written");
    assertThat(JdbcTestSupport.versionColumn(database, "D-9")).isEqualTo(2);
    assertThat(engine.fire("D-9", TestProcesses.event(3, Instant.EPOCH)).isAccepted()).isTrue();
  }
}
