package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store inside the application's transaction: the application's row and the deal change commit or roll back
 * together, the store never serves a rolled-back change from its recent deals, and the version check still sees
 * concurrent changes. Run on H2 and on PostgreSQL.
 */
abstract class TransactionContract {
  private static final Instant AT = Instant.parse("2026-10-05T10:00:00Z");

  private DataSource database;
  private JdbcDealStore store;
  private DealEngine engine;

  /** A database with the store's schema, no deals and an empty {@code app_leads} table. */
  protected abstract DataSource database();

  @BeforeEach
  void storeAndEngine() {
    database = database();
    store = JdbcDealStore.builder(database).migrate(false).build();
    engine = engine(store);
  }

  static void createLeadsTable(DataSource database) {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE app_leads (id VARCHAR(64) PRIMARY KEY)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** On a fixed clock: two writers making the same change leave identical deal rows. */
  private static DealEngine engine(DealStore store) {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store)
        .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
  }

  private static void insertLead(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_leads (id) VALUES (?)")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }

  private long leads(String id) {
    return JdbcTestSupport.count(database, "SELECT COUNT(*) FROM app_leads WHERE id = ?", id);
  }

  @Test
  void aRollbackLeavesNeitherTheApplicationRowNorTheDeal() throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      insertLead(c, "L-1");
      DealEngine inTransaction = engine(store.joining(c));
      inTransaction.start("D-1", TestProcesses.ID);
      assertThat(inTransaction.fire("D-1", TestProcesses.event(0, AT)).isAccepted()).isTrue();
      assertThat(inTransaction.get("D-1").version()).isEqualTo(1); // the transaction sees its own change
      c.rollback();
      assertThat(c.getAutoCommit()).isFalse();
    }
    assertThat(leads("L-1")).isZero();
    assertThat(store.find("D-1")).isEmpty();
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isZero();
  }

  @Test
  void aCommitKeepsTheApplicationRowAndTheDeal() throws SQLException {
    Deal committed;
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      insertLead(c, "L-2");
      DealEngine inTransaction = engine(store.joining(c));
      inTransaction.start("D-2", TestProcesses.ID);
      committed = inTransaction.fire("D-2", TestProcesses.event(0, AT)).deal();
      c.commit();
    }
    assertThat(leads("L-2")).isOne();
    assertThat(store.find("D-2")).contains(committed);
    assertThat(JdbcDealStore.builder(database).migrate(false).build().find("D-2")).contains(committed);
  }

  @Test
  void theRecentDealsNeverServeARolledBackChange() throws SQLException {
    engine.start("D-3", TestProcesses.ID);
    Deal before = engine.fire("D-3", TestProcesses.event(0, AT)).deal(); // now among the recent deals
    assertThat(store.find("D-3")).contains(before);
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      DealEngine inTransaction = engine(store.joining(c));
      FireResult uncommitted = inTransaction.fire("D-3", TestProcesses.event(1, AT.plusSeconds(60)));
      assertThat(uncommitted.deal().version()).isEqualTo(2);
      assertThat(inTransaction.get("D-3").version()).isEqualTo(2);
      c.rollback();
    }
    assertThat(store.find("D-3")).contains(before);
    assertThat(engine.get("D-3")).isEqualTo(before);
    FireResult next = engine.fire("D-3", TestProcesses.event(2, AT.plusSeconds(120)));
    assertThat(next.deal().version()).isEqualTo(2);
    assertThat(next.deal().history().asList().get(1).event()).isEqualTo(TestProcesses.event(2, AT.plusSeconds(120)));
    assertThat(JdbcDealStore.builder(database).migrate(false).build().find("D-3")).contains(next.deal());
  }

  @Test
  void aRolledBackChangeIsNotServedEvenWhenAnotherWriterLeavesTheSameDealRow() throws SQLException {
    engine.start("D-11", TestProcesses.ID);
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      engine(store.joining(c)).fire("D-11", new SalesEvent.ContactMade(AT, SalesEvent.ContactChannel.PHONE));
      c.rollback();
    }
    // another node makes the same move on another contact: the same stage, version, facts and update time
    DealEngine otherNode = engine(JdbcDealStore.builder(database).migrate(false).recentDeals(0).build());
    Deal committed = otherNode.fire("D-11", new SalesEvent.ContactMade(AT.plusSeconds(5),
        SalesEvent.ContactChannel.PHONE)).deal();

    assertThat(store.find("D-11")).contains(committed);
    assertThat(store.find("D-11").orElseThrow().history().asList().get(0).event().occurredAt())
        .isEqualTo(AT.plusSeconds(5));
  }

  @Test
  void aCommittedChangeIsSeenByTheStoreItWasJoinedFrom() throws SQLException {
    engine.start("D-4", TestProcesses.ID);
    engine.fire("D-4", TestProcesses.event(0, AT));
    Deal changed;
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      changed = engine(store.joining(c)).fire("D-4", TestProcesses.event(1, AT.plusSeconds(60))).deal();
      c.commit();
    }
    assertThat(store.find("D-4")).contains(changed);
  }

  @Test
  void aConcurrentChangeIsDetectedInsideTheTransactionWhichStaysUsable() throws SQLException {
    Deal started = engine.start("D-5", TestProcesses.ID);
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      insertLead(c, "L-5");
      DealStore joined = store.joining(c);
      Deal seen = joined.find("D-5").orElseThrow();
      assertThat(seen).isEqualTo(started);
      engine.fire("D-5", TestProcesses.event(0, AT)); // another writer, committed
      FireResult mine = engine(joined).fire("D-5", 0, TestProcesses.event(0, AT.plusSeconds(1)));
      assertThat(mine.isAccepted()).isFalse(); // stale: the version moved on
      var record = new io.salesflow.TransitionRecord(1, "new", "working", TestProcesses.event(0, AT), AT, false);
      Deal next = seen.advance(record, seen.facts());
      assertThatThrownBy(() -> joined.append(next, record)).isInstanceOf(DealVersionConflictException.class);
      c.commit(); // the application's row is still there to commit
    }
    assertThat(leads("L-5")).isOne();
    assertThat(engine.get("D-5").version()).isEqualTo(1);
  }

  @Test
  void aFailedWriteIsUndoneAloneAndTheTransactionGoesOn() throws SQLException {
    engine.start("D-6", TestProcesses.ID);
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      insertLead(c, "L-6");
      DealEngine inTransaction = engine(store.joining(c));
      assertThatThrownBy(() -> inTransaction.start("D-6", TestProcesses.ID))
          .isInstanceOf(DuplicateDealException.class);
      inTransaction.start("D-7", TestProcesses.ID); // PostgreSQL would refuse this without the savepoint
      c.commit();
    }
    assertThat(leads("L-6")).isOne();
    assertThat(store.find("D-7")).isPresent();
  }

  @Test
  void onAConnectionInAutoCommitEachCallIsItsOwnTransaction() throws SQLException {
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(true);
      DealEngine joined = engine(store.joining(c));
      joined.start("D-8", TestProcesses.ID);
      joined.fire("D-8", TestProcesses.event(0, AT));
      assertThat(c.getAutoCommit()).isTrue();
    }
    assertThat(JdbcDealStore.builder(database).migrate(false).build().find("D-8").orElseThrow().version())
        .isEqualTo(1);
  }

  @Test
  void aConnectionProviderMakesTheStoreJoinTheApplicationsTransaction() throws SQLException {
    ThreadLocal<Connection> current = new ThreadLocal<>();
    JdbcDealStore.ConnectionProvider provider = new JdbcDealStore.ConnectionProvider() {
      @Override
      public Connection acquire() throws SQLException {
        Connection bound = current.get();
        return bound != null ? bound : database.getConnection();
      }

      @Override
      public void release(Connection connection) throws SQLException {
        if (connection != current.get()) {
          connection.close();
        }
      }

      @Override
      public boolean inApplicationTransaction(Connection connection) {
        return connection == current.get();
      }
    };
    JdbcDealStore provided = JdbcDealStore.builder(database).migrate(false).connections(provider).build();
    DealEngine withProvider = engine(provided);
    withProvider.start("D-9", TestProcesses.ID); // outside a transaction: committed at once
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      current.set(c);
      insertLead(c, "L-9");
      withProvider.fire("D-9", TestProcesses.event(0, AT));
      withProvider.start("D-10", TestProcesses.ID);
      c.rollback();
    } finally {
      current.remove();
    }
    assertThat(leads("L-9")).isZero();
    assertThat(provided.find("D-10")).isEmpty();
    assertThat(provided.find("D-9").orElseThrow().version()).isZero();
  }
}
