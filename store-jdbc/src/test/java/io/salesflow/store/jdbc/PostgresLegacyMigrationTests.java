package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database of the previous release migrated on PostgreSQL, whose documents become jsonb. */
class PostgresLegacyMigrationTests extends LegacyMigrationContract {
  private DataSource database;

  @Override
  protected DataSource emptyDatabase() {
    database = EmbeddedPostgresSupport.newDatabase();
    return database;
  }

  @Override
  protected String migratedText(String text) {
    return text.replace('\u0000', '\ufffd');
  }

  @Test
  void turnsTheDocumentColumnsIntoJsonb() {
    JdbcDealStore.builder(database).build();

    assertThat(JdbcTestSupport.jsonb(database)).isTrue();
    assertThat(JdbcTestSupport.count(database, "SELECT COUNT(*) FROM salesflow_transitions WHERE deal_id = ?"
        + " AND jsonb_typeof(payload -> 'event') = 'object'", "L-1")).isEqualTo(17);
    assertThat(JdbcTestSupport.count(database, "SELECT COUNT(*) FROM salesflow_deals WHERE id = ?"
        + " AND state ->> 'format' = '1'", "L-7")).as("old documents stay as they were").isOne();
  }

  @Test
  void keepsAnEscapedBackslashBeforeU0000AsText() {
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = REPLACE(state, 'Zürich',"
        + " 'C:\\\\u0000 and \\u0000') WHERE id = ?", "L-1");
    JdbcDealStore store = JdbcDealStore.builder(database).build();

    assertThat(store.find("L-1").orElseThrow().facts().attributes().get("region"))
        .isEqualTo("C:\\u0000 and \ufffd");
  }
}
