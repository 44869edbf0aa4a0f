package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** Retries after a lost acknowledgement on PostgreSQL. */
class PostgresLostAcknowledgementTests extends LostAcknowledgementContract {
  @Override
  protected DataSource database() {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
    return database;
  }
}
