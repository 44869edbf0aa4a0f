package io.salesflow.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.jdbc.JdbcDealStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The application's own Flyway migrations and Salesflow's store migrations both run, whichever reached the database
 * first, with Spring Boot's Flyway on or off, with no setting but the application's migration location, on H2 and on
 * PostgreSQL. Each case starts the application one or more times on one new database, as a deployment would.
 */
class FlywayCoexistenceTests {
  private static final AtomicInteger H2_DATABASES = new AtomicInteger();
  private static final AtomicInteger DEALS = new AtomicInteger();
  private static final String APP_MIGRATIONS = "classpath:app-migrations";

  /** The databases every case runs on. */
  enum Database {
    H2 {
      @Override
      String newUrl() {
        return "jdbc:h2:mem:flyway-" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
      }
    },
    POSTGRESQL {
      @Override
      String newUrl() {
        return Postgres.newDatabase();
      }
    };

    abstract String newUrl();
  }

  /** An application with no configuration of its own: auto-configuration only. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  @ParameterizedTest
  @EnumSource(Database.class)
  void onANewDatabaseBothRunAndARestartChangesNothing(Database database) throws SQLException {
    String url = database.newUrl();
    String deal = startAndFire(url, true);
    assertThat(applicationMigrations(url)).containsExactly("1", "2");
    assertThat(salesflowMigrations(url)).contains("1");
    assertThat(tables(url)).contains("app_customers", "app_orders", "salesflow_deals", "salesflow_transitions");

    startAndFire(url, true);
    assertThat(applicationMigrations(url)).containsExactly("1", "2");
    assertThat(dealVersion(url, deal)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void withBootsFlywayOffTheStoreStillCreatesItsTables(Database database) throws SQLException {
    String url = database.newUrl();
    startAndFire(url, false);
    assertThat(tables(url)).contains("salesflow_deals", "salesflow_transitions", "salesflow_schema_history")
        .doesNotContain("app_customers", "flyway_schema_history");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void anApplicationThatAddsFlywayAfterSalesflowCreatedItsTablesRunsAllItsMigrations(Database database)
      throws SQLException {
    String url = database.newUrl();
    String deal = startAndFire(url, false);
    assertThat(tables(url)).doesNotContain("flyway_schema_history");

    startAndFire(url, true);
    assertThat(applicationMigrations(url)).containsExactly("1", "2");
    assertThat(tables(url)).contains("app_customers", "app_orders");
    assertThat(dealVersion(url, deal)).isEqualTo(1);

    startAndFire(url, true);
    assertThat(applicationMigrations(url)).containsExactly("1", "2");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void salesflowAddsItsTablesBesideAnApplicationSchemaMigratedBefore(Database database) throws SQLException {
    String url = database.newUrl();
    Flyway.configure().dataSource(url, "postgres", null).locations(APP_MIGRATIONS).load().migrate();
    assertThat(tables(url)).doesNotContain("salesflow_deals");

    startAndFire(url, true);
    assertThat(applicationMigrations(url)).containsExactly("1", "2");
    assertThat(salesflowMigrations(url)).contains("1");

    String other = database.newUrl();
    Flyway.configure().dataSource(other, "postgres", null).locations(APP_MIGRATIONS).load().migrate();
    startAndFire(other, false);
    assertThat(tables(other)).contains("app_customers", "salesflow_deals");
  }

  /** Starts the application on {@code url}, starts a deal and fires an event at it, and stops; returns the deal. */
  private static String startAndFire(String url, boolean bootFlyway) {
    String dealId = "D-" + DEALS.incrementAndGet();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.datasource.url=" + url,
            "spring.datasource.username=postgres",
            "spring.flyway.enabled=" + bootFlyway,
            "spring.flyway.locations=" + APP_MIGRATIONS,
            "salesflow.catalog.enabled=true",
            "spring.jmx.enabled=false",
            "logging.level.root=warn")
        .run()) {
      DealEngine engine = context.getBean(DealEngine.class);
      assertThat(engine.store()).isInstanceOf(JdbcDealStore.class);
      engine.start(dealId, "five-step");
      assertThat(engine.fire(dealId, new SalesEvent.ContactMade(Instant.now(), SalesEvent.ContactChannel.PHONE,
          null)).isAccepted()).isTrue();
    }
    return dealId;
  }

  private static List<String> applicationMigrations(String url) throws SQLException {
    return versions(url, "flyway_schema_history");
  }

  private static List<String> salesflowMigrations(String url) throws SQLException {
    return versions(url, JdbcDealStore.SCHEMA_HISTORY_TABLE);
  }

  /**
   * The versions of the successful migrations recorded in {@code table}, baselines and Flyway's own markers (the
   * versionless row it writes when it creates a schema) left out.
   */
  private static List<String> versions(String url, String table) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection c = connect(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"type\" FROM \"" + table + "\" WHERE \"success\""
            + " ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        if (rs.getString(1) != null && !rs.getString(2).contains("BASELINE")) {
          versions.add(rs.getString(1));
        }
      }
    }
    return versions;
  }

  private static List<String> tables(String url) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect(url)) {
      DatabaseMetaData metaData = c.getMetaData();
      try (ResultSet rs = metaData.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
    }
    return tables;
  }

  private static long dealVersion(String url, String dealId) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM salesflow_deals WHERE id = '" + dealId + "'")) {
      assertThat(rs.next()).as("deal %s is stored", dealId).isTrue();
      return rs.getLong(1);
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, "postgres", null);
  }
}
