package io.salesflow.store.jdbc;

import io.salesflow.store.DealStore;
import io.salesflow.testkit.DealStoreContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on an in-memory H2 database in H2's own mode. */
class H2DealStoreContractTests extends DealStoreContract {
  private static DataSource dataSource;
  private static JdbcDealStore jdbcStore;

  @BeforeAll
  static void migrate() {
    dataSource = JdbcTestSupport.newH2();
    jdbcStore = JdbcDealStore.builder(dataSource).build();
  }

  @Override
  protected DealStore createStore() {
    JdbcTestSupport.clear(dataSource);
    return jdbcStore;
  }
}
