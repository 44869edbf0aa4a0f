package io.salesflow.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Replaces an application {@link Flyway} bean that would refuse a schema holding only Salesflow's tables by one that
 * baselines at version 0, so that all of the application's migrations still run. Any other Flyway bean is left as it
 * is.
 */
final class FlywayBaseline implements BeanPostProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(FlywayBaseline.class);
  /** Every table of the store starts with this; the store's migrations never create anything else. */
  static final String SALESFLOW_TABLE_PREFIX = "salesflow_";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof Flyway flyway)) {
      return bean;
    }
    Configuration configuration = flyway.getConfiguration();
    if (configuration.isBaselineOnMigrate() || configuration.getDataSource() == null) {
      return bean;
    }
    List<String> tables = tables(configuration.getDataSource(), configuration.getSchemas());
    if (tables == null || tables.isEmpty() || !tables.stream().allMatch(t -> t.startsWith(SALESFLOW_TABLE_PREFIX))
        || tables.contains(configuration.getTable().toLowerCase(Locale.ROOT))) {
      return bean;
    }
    LOG.info("The schema holds Salesflow's tables {} and no Flyway history of the application yet: Flyway bean '{}'"
        + " baselines at version 0 so that every application migration runs", tables, beanName);
    return Flyway.configure(configuration.getClassLoader())
        .configuration(configuration)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }

  /** The lower-cased table names of Flyway's default schema, or null when they cannot be read. */
  private static @Nullable List<String> tables(DataSource dataSource, String[] schemas) {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      String schema = schemas.length > 0 ? schemas[0] : connection.getSchema();
      if (schema != null && metaData.storesUpperCaseIdentifiers() && schemas.length > 0) {
        schema = schema.toUpperCase(Locale.ROOT);
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = metaData.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
      return tables;
    } catch (SQLException e) {
      LOG.debug("could not list the tables Flyway will see; leaving Flyway as configured", e);
      return null;
    }
  }
}
