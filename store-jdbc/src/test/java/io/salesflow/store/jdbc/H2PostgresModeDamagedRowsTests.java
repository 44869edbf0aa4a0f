package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** Damaged rows on H2 in PostgreSQL compatibility mode. */
class H2PostgresModeDamagedRowsTests extends DamagedRowsContract {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2InPostgresMode();
    JdbcDealStore.builder(h2).build();
    return h2;
  }
}
