package io.salesflow.store.jdbc;

import javax.sql.DataSource;

/** A database of the previous release migrated on H2. */
class H2LegacyMigrationTests extends LegacyMigrationContract {
  @Override
  protected DataSource emptyDatabase() {
    return JdbcTestSupport.newH2();
  }
}
