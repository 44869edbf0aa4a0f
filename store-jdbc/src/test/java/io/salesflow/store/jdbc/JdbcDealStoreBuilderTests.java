package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Building a store: migrations on request, and clear errors when the schema is missing or unreadable. */
class JdbcDealStoreBuilderTests {

  @Test
  void createsTheSchemaOnBuildAndLeavesACurrentSchemaAlone() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore store = JdbcDealStore.builder(h2).build();

    assertThat(store.find("D-1")).isEmpty();
    assertThat(store.migrate()).isZero();
    assertThat(JdbcDealStore.builder(h2).build().findByProcess("any")).isEmpty();
  }

  @Test
  void refusesToBuildWithoutMigrationWhenTheTablesAreMissing() {
    DataSource h2 = JdbcTestSupport.newH2();

    assertThatThrownBy(() -> JdbcDealStore.builder(h2).migrate(false).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("migrate(true)")
        .hasMessageContaining(JdbcDealStore.MIGRATIONS_LOCATION);
  }

  @Test
  void refusesToBuildWithoutMigrationOnTheSchemaOfAnEarlierVersionNamingBothLocations() {
    DataSource h2 = JdbcTestSupport.newH2();
    flyway(h2, JdbcDealStore.MIGRATIONS_LOCATION).target("2").load().migrate();

    assertThatThrownBy(() -> JdbcDealStore.builder(h2).migrate(false).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("older schema")
        .hasMessageContaining(JdbcDealStore.MIGRATIONS_LOCATION)
        .hasMessageContaining(JdbcDealStore.VENDOR_MIGRATIONS_LOCATION);
    assertThat(JdbcDealStore.builder(h2).build().findByProcess("any")).as("and migrates when asked").isEmpty();
  }

  @Test
  void theMigrationsRunFromTheApplicationsOwnFlywayWithTheVendorFilledIn() {
    DataSource h2 = JdbcTestSupport.newH2();
    int applied = flyway(h2, JdbcDealStore.MIGRATIONS_LOCATION,
        JdbcDealStore.VENDOR_MIGRATIONS_LOCATION.replace("{vendor}", "h2")).load().migrate().migrationsExecuted;

    assertThat(applied).isEqualTo(4);
    JdbcDealStore store = JdbcDealStore.builder(h2).migrate(false).build();
    assertThat(store.migrate()).isZero();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds, String... locations) {
    return org.flywaydb.core.Flyway.configure(JdbcDealStoreBuilderTests.class.getClassLoader()).dataSource(ds)
        .locations(locations).table(JdbcDealStore.SCHEMA_HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0");
  }

  @Test
  void migratesOnRequestBesideTheApplicationsOwnTablesAndFlywayHistory() throws SQLException {
    DataSource h2 = JdbcTestSupport.newH2();
    execute(h2, "CREATE TABLE customers (id INT PRIMARY KEY)",
        "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
    JdbcDealStore store = JdbcDealStore.builder(h2).migrate(false).migrate(true).build();

    assertThat(store.migrate()).isZero();
    // Flyway quotes the name it is given, so H2 keeps it in lower case
    assertThat(JdbcTestSupport.count(h2, "SELECT COUNT(*) FROM \"" + JdbcDealStore.SCHEMA_HISTORY_TABLE
        + "\" WHERE \"success\" AND \"version\" = ?", "1")).isEqualTo(1);
    assertThat(store.findByProcess("any")).isEmpty();
  }

  @Test
  void namesTheDealWhoseStoredStateCannotBeRead() throws SQLException {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore store = JdbcDealStore.builder(h2).build();
    Instant at = Instant.parse("2026-03-02T09:15:30Z");
    store.insert(Deal.builder().id("D-1").processId("five-step").stage("prospecting").version(0).createdAt(at)
        .enteredStageAt(at).build());
    execute(h2, "UPDATE salesflow_deals SET state = '{\"format\":3}' WHERE id = 'D-1'");

    // read by a store that has not seen the deal (another node, or after a restart)
    JdbcDealStore reader = JdbcDealStore.builder(h2).build();
    assertThatThrownBy(() -> reader.find("D-1"))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal 'D-1'")
        .hasMessageContaining("format 3")
        .hasMessageContaining("newer Salesflow");
  }

  @Test
  void rejectsANullDataSource() {
    assertThatThrownBy(() -> JdbcDealStore.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("dataSource");
  }

  private static void execute(DataSource ds, String... statements) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
