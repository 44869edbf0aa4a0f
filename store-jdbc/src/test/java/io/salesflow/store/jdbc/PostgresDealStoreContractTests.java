package io.salesflow.store.jdbc;

import io.salesflow.store.DealStore;
import io.salesflow.testkit.DealStoreContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL server, started by the tests from the zonky Maven artifact. */
class PostgresDealStoreContractTests extends DealStoreContract {
  private static DataSource dataSource;
  private static JdbcDealStore jdbcStore;

  @BeforeAll
  static void migrate() {
    dataSource = EmbeddedPostgresSupport.newDatabase();
    jdbcStore = JdbcDealStore.builder(dataSource).build();
  }

  @Override
  protected DealStore createStore() {
    JdbcTestSupport.clear(dataSource);
    return jdbcStore;
  }
}
