package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.store.jdbc.JdbcDealStore;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The JDBC store's connections through Spring's {@link DataSourceUtils}: inside a Spring-managed transaction
 * ({@code @Transactional}, a {@code TransactionTemplate}) on the store's data source, the store gets that
 * transaction's connection and joins it, so the application's rows and its deals commit or roll back together;
 * outside one, it gets a connection of its own and commits each write itself.
 */
final class SpringTransactionConnections implements JdbcDealStore.ConnectionProvider {
  private final DataSource dataSource;

  SpringTransactionConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection acquire() throws SQLException {
    try {
      return DataSourceUtils.getConnection(dataSource);
    } catch (CannotGetJdbcConnectionException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new SQLException(e.getMessage(), e);
    }
  }

  @Override
  public void release(Connection connection) {
    DataSourceUtils.releaseConnection(connection, dataSource);
  }

  @Override
  public boolean inApplicationTransaction(Connection connection) {
    return DataSourceUtils.isConnectionTransactional(connection, dataSource);
  }
}
