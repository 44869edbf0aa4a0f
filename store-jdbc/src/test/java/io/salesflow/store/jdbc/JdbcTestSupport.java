package io.salesflow.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Data sources and raw SQL helpers for the JDBC tests. */
final class JdbcTestSupport {
  private static final AtomicInteger H2_DATABASES = new AtomicInteger();

  private JdbcTestSupport() {}

  /** A new in-memory H2 database that lives until the JVM exits, in H2's own mode. */
  static JdbcDataSource newH2() {
    return h2("jdbc:h2:mem:salesflow-" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
  }

  /** A new in-memory H2 database in PostgreSQL compatibility mode. */
  static JdbcDataSource newH2InPostgresMode() {
    return h2("jdbc:h2:mem:salesflow-pg-" + H2_DATABASES.incrementAndGet()
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
  }

  static JdbcDataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    return ds;
  }

  /** Deletes every deal and transition. */
  static void clear(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM salesflow_transitions");
      s.executeUpdate("DELETE FROM salesflow_deals");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the history rows of a deal, straight from the table. */
  static long historyRows(DataSource ds, String dealId) {
    return count(ds, "SELECT COUNT(*) FROM salesflow_transitions WHERE deal_id = ?", dealId);
  }

  /** Returns the version column of a deal row, or -1 if there is none. */
  static long versionColumn(DataSource ds, String dealId) {
    return count(ds, "SELECT COALESCE(MAX(version), -1) FROM salesflow_deals WHERE id = ?", dealId);
  }

  static long count(DataSource ds, String sql, String parameter) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the store's document columns are jsonb (PostgreSQL) rather than text (H2). */
  static boolean jsonb(DataSource ds) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT state FROM salesflow_deals WHERE 1 = 0"); ResultSet rs = ps.executeQuery()) {
      return "jsonb".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(1));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SQL for a parameter that sets a document column: cast to jsonb where the column is one. */
  static String documentParameter(DataSource ds) {
    return jsonb(ds) ? "CAST(? AS jsonb)" : "?";
  }

  /** Runs one SQL update with string parameters and returns the rows it changed. */
  static int update(DataSource ds, String sql, Object... parameters) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
