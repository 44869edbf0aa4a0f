package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that the database committed but whose acknowledgement was lost (the connection broke as the commit
 * returned): the call fails, the caller retries with the same idempotency key, and gets the original result, with
 * exactly one transition stored. On the table engine: the Spring Statemachine engine is another module, which
 * store-jdbc's tests do not depend on; both engines share the code that looks keys up. Run on H2, H2 in PostgreSQL
 * mode and PostgreSQL.
 */
abstract class LostAcknowledgementContract {
  private static final Instant AT = Instant.parse("2026-10-12T09:30:00.000000042Z");

  private DataSource database;
  private CommitThenFail failing;

  /** A database with the store's schema and no deals. */
  protected abstract DataSource database();

  @BeforeEach
  void failingDatabase() {
    database = database();
    failing = new CommitThenFail(database);
  }

  /** The engine the application retries on; on a fixed clock, so a result can be compared with a clean run's. */
  private static DealEngine engine(DealStore store) {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store)
        .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
  }

  @Test
  void aRetriedFireWhoseCommitWasAcknowledgedLostReturnsTheOriginalResultOnce() {
    DealEngine engine = engine(JdbcDealStore.builder(failing).migrate(false).build());
    engine.start("D-1", TestProcesses.ID);
    SalesEvent contact = TestProcesses.event(0, AT);

    failing.failAfterNextCommit();
    assertThatThrownBy(() -> engine.fire("D-1", contact, DealEngine.Fire.options().idempotencyKey("req-1")))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("whether it was recorded is unknown");
    assertThat(failing.failures()).isOne();
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).as("the commit went through").isOne();

    FireResult retried = engine.fire("D-1", contact, DealEngine.Fire.options().idempotencyKey("req-1"));
    FireResult again = engine(JdbcDealStore.builder(database).migrate(false).build()).fire("D-1", contact,
        DealEngine.Fire.options().idempotencyKey("req-1"));

    FireResult clean = cleanRun(memory -> memory.start("D-1", TestProcesses.ID),
        memory -> memory.fire("D-1", contact, DealEngine.Fire.options().idempotencyKey("req-1")));
    assertThat(retried).isEqualTo(clean);
    assertThat(again).as("retried on another node").isEqualTo(clean);
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isOne();
    assertThat(JdbcDealStore.builder(database).migrate(false).build().find("D-1")).contains(clean.deal());
  }

  @Test
  void aRetriedFireAfterALostAcknowledgementInALongDealWritesNoSecondTransition() {
    DealEngine engine = engine(JdbcDealStore.builder(failing).migrate(false).build());
    engine.start("D-2", TestProcesses.ID);
    engine.fire("D-2", TestProcesses.event(0, AT));
    for (int i = 0; i < 20; i++) { // follow-ups in 'working'
      engine.fire("D-2", TestProcesses.event(1, AT.plusSeconds(i)));
    }
    SalesEvent presentation = TestProcesses.event(2, AT.plusSeconds(60));

    failing.failAfterNextCommit();
    assertThatThrownBy(() -> engine.fire("D-2", presentation, DealEngine.Fire.options().idempotencyKey("req-2")))
        .isInstanceOf(JdbcStoreException.class);
    FireResult retried = engine.fire("D-2", presentation, DealEngine.Fire.options().idempotencyKey("req-2"));

    assertThat(retried.isAccepted()).isTrue();
    assertThat(retried.deal().version()).isEqualTo(22);
    assertThat(retried.deal().stage()).isEqualTo("presenting");
    assertThat(JdbcTestSupport.count(database, "SELECT COUNT(*) FROM salesflow_transitions WHERE idempotency_key = ?",
        "req-2")).isOne();
    assertThat(JdbcTestSupport.historyRows(database, "D-2")).isEqualTo(22);
    assertThat(JdbcDealStore.builder(database).migrate(false).build().find("D-2")).contains(retried.deal());
  }

  @Test
  void aRetriedStartWhoseInsertWasAcknowledgedLostReturnsTheStoredDeal() {
    DealEngine engine = engine(JdbcDealStore.builder(failing).migrate(false).build());
    DealEngine.Start start = DealEngine.Start.of("D-3", TestProcesses.ID).idempotencyKey("start-3");

    failing.failAfterNextDealInsert();
    assertThatThrownBy(() -> engine.start(start)).isInstanceOf(JdbcStoreException.class);
    Deal retried = engine.start(start);

    assertThat(retried).isEqualTo(cleanRun(memory -> null, memory -> memory.start(start)));
    assertThat(JdbcTestSupport.count(database, "SELECT COUNT(*) FROM salesflow_deals WHERE id = ?", "D-3")).isOne();
  }

  private interface Run<T> {
    T on(DealEngine engine);
  }

  /** The same calls on the in-memory store, with nothing failing: the results the retries must give. */
  private static <T> T cleanRun(Run<?> before, Run<T> last) {
    DealEngine memory = engine(DealStore.inMemory());
    before.on(memory);
    return last.on(memory);
  }

  /**
   * A data source whose connections can fail once after the database did the work: the next commit, or the next
   * insert of a deal row (which runs in auto-commit mode, so it is committed when the statement returns), succeeds
   * and then throws as a connection broken at that moment would.
   */
  static final class CommitThenFail extends ConnectionWrappingDataSource {
    private final AtomicBoolean failCommit = new AtomicBoolean();
    private final AtomicBoolean failInsert = new AtomicBoolean();
    private int failures;

    CommitThenFail(DataSource delegate) {
      super(delegate);
    }

    void failAfterNextCommit() {
      failCommit.set(true);
    }

    void failAfterNextDealInsert() {
      failInsert.set(true);
    }

    synchronized int failures() {
      return failures;
    }

    private synchronized SQLException lost(String what) {
      failures++;
      return new SQLException("injected: the connection broke after the database " + what, "08006");
    }

    @Override
    Connection wrap(Connection physical) {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            Object result = invoke(physical, method, args);
            if (method.getName().equals("commit") && failCommit.getAndSet(false)) {
              throw lost("committed");
            }
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps
                && ((String) args[0]).toLowerCase(Locale.ROOT).startsWith("insert into salesflow_deals")) {
              return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                  new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                    Object r = invoke(ps, m, a);
                    if (m.getName().equals("executeUpdate") && failInsert.getAndSet(false)) {
                      throw lost("stored the deal row");
                    }
                    return r;
                  });
            }
            return result;
          });
    }
  }
}
