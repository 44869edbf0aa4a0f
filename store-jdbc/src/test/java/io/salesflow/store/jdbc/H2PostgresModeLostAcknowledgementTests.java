package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** Retries after a lost acknowledgement on H2 in PostgreSQL compatibility mode. */
class H2PostgresModeLostAcknowledgementTests extends LostAcknowledgementContract {
  @Override
  protected DataSource database() {
    DataSource database = JdbcTestSupport.newH2InPostgresMode();
    JdbcDealStore.builder(database).build();
    return database;
  }
}
