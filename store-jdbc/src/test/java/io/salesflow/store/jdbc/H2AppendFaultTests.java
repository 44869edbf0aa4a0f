package io.salesflow.store.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

/** Append faults on embedded H2, where a dropped connection is a closed session. */
class H2AppendFaultTests extends AppendFaultTests {
  @Override
  protected DataSource database() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore.builder(h2).build();
    return h2;
  }

  @Override
  protected void drop(Connection physical) throws java.sql.SQLException {
    physical.close();
  }
}
