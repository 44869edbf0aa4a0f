package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** Retries after a lost acknowledgement on an in-memory H2 database. */
class H2LostAcknowledgementTests extends LostAcknowledgementContract {
  @Override
  protected DataSource database() {
    DataSource database = JdbcTestSupport.newH2();
    JdbcDealStore.builder(database).build();
    return database;
  }
}
