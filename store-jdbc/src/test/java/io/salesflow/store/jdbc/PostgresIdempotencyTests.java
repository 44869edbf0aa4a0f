package io.salesflow.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** Idempotency keys on PostgreSQL. */
class PostgresIdempotencyTests extends IdempotencyContract {
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
