package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealVersionConflictException;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Firing at a recent deal on PostgreSQL without reading its row first: the engine decides on the store's copy, the
 * store writes only if the row's {@code xmin} is still the copy's, and every change of the row since (by hand, by
 * another node, rolled back or restored) gives the result a checked read would have given.
 */
class PostgresUncheckedCopyTests {
  private static final Instant AT = Instant.parse("2026-11-20T09:00:00.000000001Z");
  private static DataSource database;

  private SelectCounting counting;
  private JdbcDealStore store;
  private DealEngine engine;

  @BeforeAll
  static void createDatabase() {
    database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
  }

  /** D-1 in 'working', written by this store: its copy is recent and its row's xmin known. */
  @BeforeEach
  void dealInWorking() {
    JdbcTestSupport.clear(database);
    counting = new SelectCounting(database);
    store = JdbcDealStore.builder(counting).migrate(false).build();
    engine = engine(store);
    engine.start("D-1", TestProcesses.ID, DealFacts.builder().source("web").build());
    engine.fire("D-1", TestProcesses.event(0, AT)); // contact made: into 'working'
    engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(1))); // a follow-up
  }

  private static DealEngine engine(JdbcDealStore store) {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store).build();
  }

  private static JdbcDealStore freshStore() {
    return JdbcDealStore.builder(database).migrate(false).build();
  }

  private static void sql(String statement) {
    JdbcTestSupport.update(database, statement);
  }

  private static SalesEvent followUp(int second) {
    return TestProcesses.event(1, AT.plusSeconds(second)); // accepted in 'working' only
  }

  private static SalesEvent objection(int second) {
    return TestProcesses.event(3, AT.plusSeconds(second)); // accepted in 'presenting' only
  }

  @Test
  void firesAtARecentDealWithoutReadingItsRow() {
    int selects = counting.selects();
    long fullReads = store.fullReads();

    FireResult result = engine.fire("D-1", followUp(2));

    assertThat(result.isAccepted()).isTrue();
    assertThat(counting.selects()).as("statements that read").isEqualTo(selects);
    assertThat(store.fullReads()).isEqualTo(fullReads);
    assertThat(freshStore().find("D-1")).contains(result.deal());
    assertThat(store.findUnchecked("D-1")).containsSame(result.deal());
  }

  @Test
  void aStateDocumentChangedByHandIsWhatTheNextEventBuildsOn() {
    sql("UPDATE salesflow_deals SET state = jsonb_set(state, '{facts,source}', '\"referral\"') WHERE id = 'D-1'");

    FireResult result = engine.fire("D-1", followUp(2));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().facts().source()).contains("referral"); // not the copy's "web" written over it
    assertThat(freshStore().find("D-1")).contains(result.deal());
  }

  @Test
  void theSameValuesWrittenBackByHandMakeTheNextFireReadTheDealAgain() {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    long fullReads = store.fullReads();
    sql("UPDATE salesflow_deals SET state = state, updated_at = updated_at WHERE id = 'D-1'");

    FireResult result = engine.fire("D-1", followUp(2));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().version()).isEqualTo(copy.version() + 1);
    assertThat(store.fullReads()).isEqualTo(fullReads + 1);
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(copy.version() + 1);
    assertThat(freshStore().find("D-1")).contains(result.deal());
  }

  @Test
  void anOwnerChangedByHandIsKeptByTheNextEvent() {
    sql("UPDATE salesflow_deals SET owner = 'rep-7' WHERE id = 'D-1'");

    FireResult result = engine.fire("D-1", followUp(2));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().owner()).contains("rep-7"); // not the copy's owner written over it
    assertThat(freshStore().find("D-1")).contains(result.deal());
  }

  @Test
  void aStageDamagedByHandFailsTheNextEventAsACheckedReadDoes() {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    sql("UPDATE salesflow_deals SET stage = 'presenting' WHERE id = 'D-1'");

    // accepted in the copy's stage, and rejected in it: neither is decided on the copy
    assertThatThrownBy(() -> engine.fire("D-1", followUp(2)))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal 'D-1' cannot be read");
    assertThatThrownBy(() -> engine.fire("D-1", objection(3)))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal 'D-1' cannot be read");

    assertThat(JdbcTestSupport.versionColumn(database, "D-1")).isEqualTo(copy.version());
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(copy.version());
  }

  @Test
  void aRejectionOnACurrentCopyIsConfirmedByOneCheckedRead() {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    int selects = counting.selects();

    FireResult result = engine.fire("D-1", objection(2));

    assertThat(result).isInstanceOf(FireResult.Rejected.class);
    assertThat(result.deal()).isSameAs(copy);
    assertThat(counting.selects()).isEqualTo(selects + 1);
  }

  @Test
  void anotherNodesTransitionIsBuiltOnNotOverwritten() {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    Deal byOther = engine(freshStore()).fire("D-1", followUp(2)).deal();

    FireResult result = engine.fire("D-1", followUp(3));

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().version()).isEqualTo(copy.version() + 2);
    assertThat(result.deal().history().asList())
        .startsWith(byOther.history().asList().toArray(new TransitionRecord[0]));
    assertThat(freshStore().find("D-1")).contains(result.deal());
  }

  @Test
  void anExpectedVersionAnotherNodeMovedPastIsStaleAndShowsTheStoredDeal() {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    Deal byOther = engine(freshStore()).fire("D-1", followUp(2)).deal();

    FireResult result = engine.fire("D-1", copy.version(), followUp(3));

    assertThat(result).isInstanceOf(FireResult.Rejected.class);
    assertThat(((FireResult.Rejected) result).kind()).isEqualTo(FireResult.RejectionKind.STALE_VERSION);
    assertThat(result.deal()).isEqualTo(byOther);
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(byOther.version());
  }

  @Test
  void aKeyAnotherNodeAppliedReturnsItsTransitionWithoutASecond() {
    DealEngine.Fire once = DealEngine.Fire.options().idempotencyKey("k-1");
    FireResult first = engine(freshStore()).fire("D-1", followUp(2), once);

    FireResult retried = engine.fire("D-1", followUp(2), once);

    assertThat(retried.isAccepted()).isTrue();
    assertThat(retried.deal().version()).isEqualTo(first.deal().version());
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(first.deal().version());
  }

  @Test
  void aDeletedDealIsUnknown() {
    store.findUnchecked("D-1").orElseThrow();
    sql("DELETE FROM salesflow_transitions WHERE deal_id = 'D-1'");
    sql("DELETE FROM salesflow_deals WHERE id = 'D-1'");

    assertThatThrownBy(() -> engine.fire("D-1", followUp(2))).isInstanceOf(UnknownDealException.class);
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isZero();
  }

  @Test
  void aHandChangeThatWasRolledBackLeavesTheCopyTrusted() throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (java.sql.Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE salesflow_deals SET stage = 'presenting' WHERE id = 'D-1'");
      }
      c.rollback();
    }
    int selects = counting.selects();

    FireResult result = engine.fire("D-1", followUp(2));

    assertThat(result.isAccepted()).isTrue();
    assertThat(counting.selects()).isEqualTo(selects);
    assertThat(freshStore().find("D-1")).contains(result.deal());
  }

  @Test
  void aDealRestoredFromABackupAndChangedAgainToTheSameVersionIsBuiltOn() {
    sql("DROP TABLE IF EXISTS backup_deals");
    sql("DROP TABLE IF EXISTS backup_transitions");
    sql("CREATE TABLE backup_deals AS SELECT * FROM salesflow_deals WHERE id = 'D-1'");
    sql("CREATE TABLE backup_transitions AS SELECT * FROM salesflow_transitions WHERE deal_id = 'D-1'");
    Deal lost = engine.fire("D-1", followUp(2)).deal();

    // the database is restored from the backup, and another node moves the restored deal to the same version
    sql("DELETE FROM salesflow_transitions WHERE deal_id = 'D-1'");
    sql("DELETE FROM salesflow_deals WHERE id = 'D-1'");
    sql("INSERT INTO salesflow_deals SELECT * FROM backup_deals");
    sql("INSERT INTO salesflow_transitions SELECT * FROM backup_transitions");
    Deal other = engine(freshStore()).fire("D-1", TestProcesses.event(2, AT.plusSeconds(3))).deal();
    assertThat(other.version()).isEqualTo(lost.version());
    assertThat(other.stage()).isEqualTo("presenting");

    FireResult result = engine.fire("D-1", objection(4)); // rejected in 'working', where the lost copy is

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.deal().version()).isEqualTo(lost.version() + 1);
    assertThat(freshStore().find("D-1")).contains(result.deal());
    sql("DROP TABLE backup_deals");
    sql("DROP TABLE backup_transitions");
  }

  @Test
  void vacuumFullAndFreezeLeaveFiringRight() {
    sql("VACUUM FULL salesflow_deals");
    sql("VACUUM (FREEZE) salesflow_deals");

    FireResult result = engine.fire("D-1", followUp(2));

    assertThat(result.isAccepted()).isTrue();
    assertThat(freshStore().find("D-1")).contains(result.deal());
  }

  @Test
  void anAppendFromACopyWhoseRowChangedWritesNothingAndDropsTheCopy() {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    sql("UPDATE salesflow_deals SET updated_at = updated_at WHERE id = 'D-1'");
    SalesEvent event = followUp(2);
    TransitionRecord record = new TransitionRecord(copy.version() + 1, copy.stage(), copy.stage(), event,
        AT.plusSeconds(2), true, null);

    assertThatThrownBy(() -> store.append(copy.advance(record, copy.facts().apply(event)), record))
        .isInstanceOf(DealVersionConflictException.class)
        .hasMessageContaining("deal 'D-1'");

    assertThat(JdbcTestSupport.versionColumn(database, "D-1")).isEqualTo(copy.version());
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(copy.version());
    assertThat(store.findUnchecked("D-1")).isEmpty();
    assertThat(store.find("D-1")).contains(copy);
  }

  @Test
  void aConflictOnAnOldCopyKeepsTheNewerCopyAnotherThreadWrote() throws Exception {
    Deal copy = store.findUnchecked("D-1").orElseThrow();
    FireResult[] byOtherThread = new FireResult[1];
    Thread other = new Thread(() -> byOtherThread[0] = engine.fire("D-1", followUp(2)));
    other.start();
    other.join();
    SalesEvent event = followUp(3);
    TransitionRecord record = new TransitionRecord(copy.version() + 1, copy.stage(), copy.stage(), event,
        AT.plusSeconds(3), true, null);

    assertThatThrownBy(() -> store.append(copy.advance(record, copy.facts().apply(event)), record))
        .isInstanceOf(DealVersionConflictException.class);

    assertThat(store.findUnchecked("D-1")).containsSame(byOtherThread[0].deal());
  }

  @Test
  void anAppendAfterACheckedReadChecksTheVersionAsUsual() {
    store.findUnchecked("D-1").orElseThrow();
    sql("UPDATE salesflow_deals SET updated_at = updated_at WHERE id = 'D-1'");
    Deal read = store.find("D-1").orElseThrow(); // a checked read after the unchecked one: the row is as read
    SalesEvent event = followUp(2);
    TransitionRecord record = new TransitionRecord(read.version() + 1, read.stage(), read.stage(), event,
        AT.plusSeconds(2), true, null);
    Deal next = read.advance(record, read.facts().apply(event));

    store.append(next, record);

    assertThat(freshStore().find("D-1")).contains(next);
  }

  @Test
  void aStoreJoinedToAnOpenTransactionHandsOutNoCopy() throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      assertThat(store.joining(c).findUnchecked("D-1")).isEmpty();
      c.rollback();
    }
    assertThat(store.findUnchecked("D-1")).isPresent();
  }

  @Test
  void aStoreWithoutRecentDealsHandsOutNoCopy() {
    JdbcDealStore uncached = JdbcDealStore.builder(database).migrate(false).cachedHistoryRecords(0).build();
    uncached.find("D-1").orElseThrow();

    assertThat(uncached.findUnchecked("D-1")).isEmpty();
  }

  /** A data source that counts the statements that read (SELECT) prepared on its connections. */
  private static final class SelectCounting extends ConnectionWrappingDataSource {
    private final AtomicInteger selects = new AtomicInteger();

    SelectCounting(DataSource delegate) {
      super(delegate);
    }

    int selects() {
      return selects.get();
    }

    @Override
    Connection wrap(Connection physical) {
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement")
                && ((String) args[0]).trim().toLowerCase(Locale.ROOT).startsWith("select")) {
              selects.incrementAndGet();
            }
            return invoke(physical, method, args);
          });
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
