package io.salesflow.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The README's examples, compiled and run by {@link JdbcStoreSnippetsTests}. */
final class JdbcStoreSnippets {
  private JdbcStoreSnippets() {}

  static DealEngine withH2(SalesProcess process, Path dir) {
    // tag::h2[]
    JdbcDealStore store = JdbcDealStore.h2File(dir.resolve("deals")); // creates or migrates the tables
    DealEngine engine = DealEngine.tableEngine()
        .process(process)
        .store(store) // every accepted change is in the file before fire returns; close the store at exit
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

  static void startDealForNewLead(DataSource dataSource, JdbcDealStore store, SalesProcess process, String leadId,
      String dealId) throws SQLException {
    // tag::transaction[]
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leads (id) VALUES (?)")) {
          insert.setString(1, leadId); // the application's own row
          insert.executeUpdate();
        }
        DealEngine engine = DealEngine.tableEngine()
            .process(process)
            .store(store.joining(connection)) // the deal is written in the same transaction
            .build();
        engine.start(dealId, process.id());
        connection.commit(); // the lead and the deal, or on rollback neither
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
    // end::transaction[]
  }
}
