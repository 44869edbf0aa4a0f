package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** The store in the application's transaction on an in-memory H2 database. */
class H2TransactionTests extends TransactionContract {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore.builder(h2).build();
    createLeadsTable(h2);
    return h2;
  }
}
