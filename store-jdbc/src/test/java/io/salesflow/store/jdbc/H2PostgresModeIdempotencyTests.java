package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** Idempotency keys on H2 in PostgreSQL compatibility mode. */
class H2PostgresModeIdempotencyTests extends IdempotencyContract {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2InPostgresMode();
    JdbcDealStore.builder(h2).build();
    return h2;
  }
}
