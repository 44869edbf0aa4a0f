package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** The store in the application's transaction on H2 in PostgreSQL compatibility mode. */
class H2PostgresModeTransactionTests extends TransactionContract {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2InPostgresMode();
    JdbcDealStore.builder(h2).build();
    createLeadsTable(h2);
    return h2;
  }
}
