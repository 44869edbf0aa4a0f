package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** A database of the previous release migrated on H2 in PostgreSQL mode, which takes H2's migrations. */
class H2PostgresModeLegacyMigrationTests extends LegacyMigrationContract {
  @Override
  protected DataSource emptyDatabase() {
    return JdbcTestSupport.newH2InPostgresMode();
  }
}
