package io.salesflow.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store in the application's transaction on PostgreSQL. */
class PostgresTransactionTests extends TransactionContract {
  private static DataSource database;

  @BeforeAll
  static void createDatabase() {
    database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
    createLeadsTable(database);
  }

  @Override
  protected DataSource database() {
    JdbcTestSupport.clear(database);
    JdbcTestSupport.update(database, "DELETE FROM app_leads");
    return database;
  }
}
