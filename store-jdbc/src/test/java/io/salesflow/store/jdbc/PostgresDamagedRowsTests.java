package io.salesflow.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** Damaged rows on PostgreSQL. */
class PostgresDamagedRowsTests extends DamagedRowsContract {
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
}
