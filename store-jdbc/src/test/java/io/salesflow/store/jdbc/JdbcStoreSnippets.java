package io.salesflow.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** The README's examples, compiled and run by {@link JdbcStoreSnippetsTests}. */
final class JdbcStoreSnippets {
  private JdbcStoreSnippets() {}

  static DealEngine withH2(SalesProcess process, Path dir) {
    // tag::h2[]
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("deals") + ";DB_CLOSE_DELAY=-1");
    DealEngine engine = DealEngine.tableEngine()
        .process(process)
        .store(JdbcDealStore.builder(h2).build()) // creates or migrates the tables
        .build();
    // end::h2[]
    return engine;
  }

  static DealEngine withPostgres(SalesProcess process, String jdbcUrl, String user, String password) {
    // tag::postgres[]
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl); // "jdbc:postgresql://db.example.com:5432/sales"
    config.setUsername(user);
    config.setPassword(password);
    HikariDataSource pool = new HikariDataSource(config); // close it when the application stops
    DealEngine engine = DealEngine.tableEngine()
        .process(process)
        .store(JdbcDealStore.builder(pool).build()) // every node may build it: Flyway locks while migrating
        .build();
    // end::postgres[]
    return engine;
  }
}
