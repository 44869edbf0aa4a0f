package io.salesflow.store.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The durable embedded set-up: an H2 file database that writes every commit to its file before the commit returns.
 * Loaded only by {@link JdbcDealStore#h2File(Path)}, so that H2 need not be on the class path otherwise.
 */
final class H2Files {
  private H2Files() {}

  /**
   * The URL of a durable H2 file database. {@code WRITE_DELAY=0} makes H2 store each commit in the file before the
   * commit returns (by default it does so up to 500 ms later, and a killed process loses what it held back).
   */
  static String url(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    String path = file.toAbsolutePath().normalize().toString();
    if (path.endsWith(".mv.db")) {
      path = path.substring(0, path.length() - ".mv.db".length());
    }
    if (path.indexOf(';') >= 0) {
      throw new IllegalArgumentException("an H2 database path cannot contain ';', but was '" + path + "'");
    }
    return "jdbc:h2:file:" + path + ";WRITE_DELAY=0";
  }

  /** A durable file database behind a small connection pool of H2's own, and how to close it. */
  record Pool(DataSource dataSource, AutoCloseable closer) {}

  static Pool pool(Path file) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(url(file), "sa", "");
    return new Pool(pool, pool::dispose);
  }
}
