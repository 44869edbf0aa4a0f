package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** Idempotency keys on an in-memory H2 database. */
class H2IdempotencyTests extends IdempotencyContract {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore.builder(h2).build();
    return h2;
  }
}
