package io.salesflow.store.jdbc;

import io.salesflow.store.DealStore;
import io.salesflow.testkit.DealStoreContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on an in-memory H2 database in PostgreSQL compatibility mode, as some applications run it. */
class H2PostgresModeDealStoreContractTests extends DealStoreContract {
  private static DataSource dataSource;
  private static JdbcDealStore jdbcStore;

  @BeforeAll
  static void migrate() {
    dataSource = JdbcTestSupport.newH2InPostgresMode();
    jdbcStore = JdbcDealStore.builder(dataSource).build();
  }

  @Override
  protected DealStore createStore() {
    JdbcTestSupport.clear(dataSource);
    return jdbcStore;
  }
}
