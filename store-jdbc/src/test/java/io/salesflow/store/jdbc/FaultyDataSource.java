package io.salesflow.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * A data source that can break the next insert of a history row, after the store updated the deal row in the same
 * transaction: by failing the statement, or by dropping the connection under it.
 */
final class FaultyDataSource extends ConnectionWrappingDataSource {
  /** What to do to the physical connection to drop it; the statement then runs on the dead connection. */
  interface Dropper {
    void drop(Connection physical) throws SQLException;
  }

  private enum Fault { NONE, FAIL, DROP }
  private final Dropper dropper;
  private final AtomicReference<Fault> next = new AtomicReference<>(Fault.NONE);
  private final AtomicInteger dealRowsUpdatedBeforeFault = new AtomicInteger();
  private final AtomicInteger faults = new AtomicInteger();

  FaultyDataSource(DataSource delegate, Dropper dropper) {
    super(delegate);
    this.dropper = dropper;
  }

  /** The next history insert fails with an SQLException, as a full disk or a constraint would make it. */
  void failNextHistoryInsert() {
    next.set(Fault.FAIL);
  }

  /** The next history insert finds its connection dropped, as a network failure or a database restart would. */
  void dropConnectionAtNextHistoryInsert() {
    next.set(Fault.DROP);
  }

  /** How many faults were injected. */
  int faults() {
    return faults.get();
  }

  /** How many deal rows the faulty transactions had updated when the fault hit (to show where it hit). */
  int dealRowsUpdatedBeforeFault() {
    return dealRowsUpdatedBeforeFault.get();
  }

  @Override
  Connection wrap(Connection physical) {
    AtomicInteger updatedInThisConnection = new AtomicInteger();
    InvocationHandler handler = (proxy, method, args) -> {
      Object result = invoke(physical, method, args);
      if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
        String sql = ((String) args[0]).toLowerCase(Locale.ROOT);
        if (sql.startsWith("update salesflow_deals")) {
          return statement(ps, (m, a) -> {
            Object r = invoke(ps, m, a);
            if (m.getName().equals("executeUpdate")) {
              updatedInThisConnection.addAndGet((Integer) r);
            }
            return r;
          });
        }
        if (sql.startsWith("insert into salesflow_transitions")) {
          return statement(ps, (m, a) -> {
            if (m.getName().equals("executeUpdate")) {
              Fault fault = next.getAndSet(Fault.NONE);
              if (fault != Fault.NONE) {
                faults.incrementAndGet();
                dealRowsUpdatedBeforeFault.addAndGet(updatedInThisConnection.get());
              }
              if (fault == Fault.FAIL) {
                throw new SQLException("injected failure of the history insert", "58000");
              }
              if (fault == Fault.DROP) {
                dropper.drop(physical);
              }
            }
            return invoke(ps, m, a);
          });
        }
      }
      return result;
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private interface Call {
    Object call(Method method, Object[] args) throws Throwable;
  }

  private static PreparedStatement statement(PreparedStatement ps, Call call) {
    return (PreparedStatement) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> call.call(method, args));
  }
}
