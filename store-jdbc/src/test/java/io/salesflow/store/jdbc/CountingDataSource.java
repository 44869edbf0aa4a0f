package io.salesflow.store.jdbc;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that adds up the size of the parameters of every statement that writes (INSERT, UPDATE, DELETE):
 * text as its UTF-8 bytes, a number or timestamp as 8 bytes, a boolean as 1, a null as 0. That is what a write
 * sends to the database, whatever the database then does with it.
 */
final class CountingDataSource extends ConnectionWrappingDataSource {
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  /** Bytes of parameters written so far. */
  long bytes() {
    return bytes.get();
  }

  /** Writing statements executed so far. */
  long statements() {
    return statements.get();
  }

  @Override
  Connection wrap(Connection physical) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(physical, method, args);
          if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
            String sql = ((String) args[0]).trim().toLowerCase(Locale.ROOT);
            if (sql.startsWith("insert") || sql.startsWith("update") || sql.startsWith("delete")) {
              return counting(ps);
            }
          }
          return result;
        });
  }

  private PreparedStatement counting(PreparedStatement ps) {
    long[] pending = new long[1];
    return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          String name = method.getName();
          if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
            pending[0] += size(name, args[1]);
          } else if (name.startsWith("execute")) {
            Object result = invoke(ps, method, args);
            bytes.addAndGet(pending[0]);
            statements.incrementAndGet();
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
}
