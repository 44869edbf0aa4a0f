package io.salesflow.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.PGConnection;

/** Append faults on PostgreSQL, where a dropped connection is a server backend terminated mid-transaction. */
class PostgresAppendFaultTests extends AppendFaultTests {
  private static DataSource database;

  @BeforeAll
  static void createDatabase() {
    database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
  }

  @Override
  protected DataSource database() {
    JdbcTestSupport.clear(database);
    return database;
  }

  @Override
  protected void drop(Connection physical) throws SQLException {
    int pid = physical.unwrap(PGConnection.class).getBackendPID();
    try (Connection admin = database.getConnection();
        // waits (up to 10 s) until the backend is gone, so the next statement meets a dead connection
        PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?, 10000)")) {
      ps.setInt(1, pid);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new IllegalStateException("backend " + pid + " was not terminated");
        }
      }
    }
  }
}
