package io.salesflow.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that adds up, per thread, the size of the parameters of every statement that writes (INSERT,
 * UPDATE, DELETE), counted as the store's write-size test counts them: text as its UTF-8 bytes, a number or
 * timestamp as 8 bytes, a boolean as 1, a null as 0. That is what a write sends to the database, whatever the
 * database then does with it. {@link JdbcStoreBenchmarks} puts it in front of the pool for the store and the floor
 * alike, so both pay the same for the counting. It also counts the statements that read.
 */
final class WrittenBytes implements DataSource {
  /** Bytes, writing statements and reading statements of this thread so far. */
  private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[3]);

  private final DataSource delegate;

  WrittenBytes(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Bytes of parameters this thread wrote so far. */
  static long bytes() {
    return COUNTS.get()[0];
  }

  /** Writing statements this thread executed so far. */
  static long statements() {
    return COUNTS.get()[1];
  }

  /** Reading statements (SELECT) this thread prepared so far: each is executed once, by the store and the floor. */
  static long reads() {
    return COUNTS.get()[2];
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(delegate.getConnection(username, password));
  }

  private static Connection wrap(Connection physical) {
    return (Connection) Proxy.newProxyInstance(WrittenBytes.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(physical, method, args);
          if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
            String sql = ((String) args[0]).trim().toLowerCase(Locale.ROOT);
            if (sql.startsWith("insert") || sql.startsWith("update") || sql.startsWith("delete")) {
              return counting(ps);
            }
            if (sql.startsWith("select")) {
              COUNTS.get()[2]++;
            }
          }
          return result;
        });
  }

  private static PreparedStatement counting(PreparedStatement ps) {
    long[] pending = new long[1];
    return (PreparedStatement) Proxy.newProxyInstance(WrittenBytes.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          String name = method.getName();
          if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
            pending[0] += size(name, args[1]);
          } else if (name.startsWith("execute")) {
            Object result = invoke(ps, method, args);
            long[] counts = COUNTS.get();
            counts[0] += pending[0];
            counts[1]++;
            pending[0] = 0;
            return result;
          }
          return invoke(ps, method, args);
        });
  }

  private static long size(String setter, Object value) {
    if (setter.equals("setNull") || value == null) {
      return 0;
    }
    if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
    if (value instanceof Boolean) {
      return 1;
    }
    return 8; // numbers and timestamps
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
