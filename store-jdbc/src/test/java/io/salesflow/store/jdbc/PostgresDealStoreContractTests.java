package io.salesflow.store.jdbc;

import io.salesflow.store.DealStore;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL server, started by the tests from the zonky Maven artifact. */
class PostgresDealStoreContractTests extends DealStoreContractTests {
  private static DataSource dataSource;
  private static JdbcDealStore jdbcStore;

  @BeforeAll
  static void migrate() {
    dataSource = EmbeddedPostgresSupport.newDatabase();
    jdbcStore = JdbcDealStore.builder(dataSource).build();
  }

  @Override
  protected DealStore emptyStore() {
    JdbcTestSupport.clear(dataSource);
    return jdbcStore;
  }
}
