package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recent deals on PostgreSQL, where a copy is checked against its row by the row's {@code xmin} (returned by the
 * store's own writes) instead of by its state document: the store's own writes keep the copy in use, and every other
 * change of the row, the same document written back by hand included, makes the next read read the deal again.
 */
class PostgresRecentDealsTests {
  private static final Instant AT = Instant.parse("2026-11-20T09:00:00.000000001Z");
  private static DataSource database;

  private JdbcDealStore store;
  private DealEngine engine;

  @BeforeAll
  static void createDatabase() {
    database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
  }

  @BeforeEach
  void dealInWorking() {
    JdbcTestSupport.clear(database);
    store = JdbcDealStore.builder(database).migrate(false).build();
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

  @Test
  void theStoresOwnWritesKeepItsCopyInUse() {
    Deal started = store.find("D-1").orElseThrow();
    long fullReads = store.fullReads();

    Deal fired = engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(2))).deal();

    assertThat(store.find("D-1").orElseThrow()).isSameAs(fired);
    assertThat(store.find("D-1").orElseThrow()).isSameAs(fired);
    assertThat(store.fullReads()).isEqualTo(fullReads);
    assertThat(freshStore().find("D-1")).contains(fired);
    assertThat(fired.version()).isEqualTo(started.version() + 1);
  }

  @Test
  void aNewDealIsServedFromTheCopyItsInsertLeft() {
    Deal started = engine.start("D-2", TestProcesses.ID);
    long fullReads = store.fullReads();

    assertThat(store.find("D-2").orElseThrow()).isSameAs(started);
    assertThat(store.fullReads()).isEqualTo(fullReads);
  }

  @Test
  void aSnapshotTheStoreWroteWholeIsServedFromItsCopy() {
    Deal deal = store.find("D-1").orElseThrow();
    SalesEvent followUp = new SalesEvent.FollowUpLogged(AT.plusSeconds(60), ContactChannel.PHONE,
        FollowUpOutcome.RESPONDED);
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), deal.stage(), followUp,
        AT.plusSeconds(61), true, null);
    Deal corrected = deal.advance(record, deal.facts().apply(followUp).toBuilder().source("referral").build());
    long stateWrites = store.stateWrites();

    store.append(corrected, record);

    assertThat(store.stateWrites()).isEqualTo(stateWrites + 1);
    assertThat(store.find("D-1").orElseThrow()).isSameAs(corrected);
    assertThat(freshStore().find("D-1")).contains(corrected);
  }

  @Test
  void aStateDocumentChangedByHandWithEveryOtherColumnLeftAloneIsSeen() {
    assertThat(store.find("D-1").orElseThrow().facts().source()).contains("web");

    sql("UPDATE salesflow_deals SET state = jsonb_set(state, '{facts,source}', '\"referral\"') WHERE id = 'D-1'");

    assertThat(store.find("D-1").orElseThrow().facts().source()).contains("referral");
    Deal next = engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(2))).deal();
    assertThat(next.facts().source()).contains("referral"); // not overwritten with the old copy
    assertThat(freshStore().find("D-1")).contains(next);
  }

  @Test
  void theSameDocumentWrittenBackByHandMakesTheNextReadReadTheDealAgain() {
    Deal cached = store.find("D-1").orElseThrow();
    long fullReads = store.fullReads();

    sql("UPDATE salesflow_deals SET state = state, updated_at = updated_at WHERE id = 'D-1'");

    Deal read = store.find("D-1").orElseThrow();
    assertThat(read).isNotSameAs(cached).isEqualTo(cached);
    assertThat(store.fullReads()).isEqualTo(fullReads + 1);
    assertThat(store.find("D-1").orElseThrow()).isSameAs(read); // and the new copy is used from then on
    assertThat(store.fullReads()).isEqualTo(fullReads + 1);
  }

  @Test
  void aHandChangeThatWasRolledBackLeavesTheCopyInUse() throws Exception {
    Deal cached = store.find("D-1").orElseThrow();
    try (java.sql.Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try (java.sql.Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE salesflow_deals SET stage = 'presenting' WHERE id = 'D-1'");
      }
      c.rollback();
    }

    assertThat(store.find("D-1").orElseThrow()).isSameAs(cached);
  }

  @Test
  void vacuumFullAndFreezeLeaveEveryReadRightAndLaterChangesSeen() {
    Deal cached = store.find("D-1").orElseThrow();

    sql("VACUUM FULL salesflow_deals");
    sql("VACUUM (FREEZE) salesflow_deals");

    assertThat(store.find("D-1")).contains(cached);
    Deal next = engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(2))).deal();
    assertThat(store.find("D-1").orElseThrow()).isSameAs(next);
    sql("VACUUM FULL salesflow_deals");
    sql("UPDATE salesflow_deals SET owner = 'rep-7' WHERE id = 'D-1'");
    assertThat(store.find("D-1").orElseThrow().owner()).contains("rep-7");
    assertThat(freshStore().find("D-1")).isEqualTo(store.find("D-1"));
  }

  @Test
  void aDealRestoredFromABackupAndChangedAgainToTheSameVersionIsReadAgain() {
    sql("DROP TABLE IF EXISTS backup_deals");
    sql("DROP TABLE IF EXISTS backup_transitions");
    sql("CREATE TABLE backup_deals AS SELECT * FROM salesflow_deals WHERE id = 'D-1'");
    sql("CREATE TABLE backup_transitions AS SELECT * FROM salesflow_transitions WHERE deal_id = 'D-1'");
    Deal lost = engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(2))).deal();
    assertThat(store.find("D-1").orElseThrow()).isSameAs(lost);

    // the database is restored from the backup, and another node fires another event at the restored deal
    sql("DELETE FROM salesflow_transitions WHERE deal_id = 'D-1'");
    sql("DELETE FROM salesflow_deals WHERE id = 'D-1'");
    sql("INSERT INTO salesflow_deals SELECT * FROM backup_deals");
    sql("INSERT INTO salesflow_transitions SELECT * FROM backup_transitions");
    assertThat(freshStore().find("D-1").orElseThrow().version()).isEqualTo(lost.version() - 1);
    FireResult other = engine(freshStore()).fire("D-1", TestProcesses.event(2, AT.plusSeconds(3)));
    assertThat(other.deal().version()).isEqualTo(lost.version());

    assertThat(store.find("D-1")).contains(other.deal());
    assertThat(store.find("D-1").orElseThrow().stage()).isEqualTo("presenting");
    sql("DROP TABLE backup_deals");
    sql("DROP TABLE backup_transitions");
  }

  @Test
  void anotherStoresTransitionsAndSnapshotsAreSeen() {
    JdbcDealStore other = freshStore();
    Deal cached = store.find("D-1").orElseThrow();

    Deal byOther = engine(other).fire("D-1", TestProcesses.event(1, AT.plusSeconds(2))).deal();
    assertThat(store.find("D-1")).contains(byOther);

    Deal deal = other.find("D-1").orElseThrow();
    SalesEvent followUp = new SalesEvent.FollowUpLogged(AT.plusSeconds(60), ContactChannel.PHONE,
        FollowUpOutcome.RESPONDED);
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), deal.stage(), followUp,
        AT.plusSeconds(61), true, null);
    Deal corrected = deal.advance(record, deal.facts().apply(followUp).toBuilder().source("referral").build());
    other.append(corrected, record);

    assertThat(store.find("D-1")).contains(corrected);
    assertThat(cached.version()).isEqualTo(corrected.version() - 2);
  }
}
