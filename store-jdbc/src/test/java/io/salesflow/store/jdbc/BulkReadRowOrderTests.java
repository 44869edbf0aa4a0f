package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A bulk query builds each deal as soon as its rows came one after the other, and still reads the same deals when the
 * database sends a deal's rows in another order: interleaved with other deals' rows, or a row after the deal looked
 * complete.
 */
class BulkReadRowOrderTests {
  private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

  /** Four deals fired at in turn, so that their history rows are stored interleaved; one left without history. */
  private static void interleavedDeals(DataSource database) {
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(database).migrate(false).recentDeals(0).build())
        .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    for (int d = 1; d <= 5; d++) {
      engine.start("D-" + d, TestProcesses.ID, DealFacts.none());
    }
    for (int i = 0; i < 4; i++) {
      for (int d = 1; d <= 4; d++) {
        assertThat(engine.fire("D-" + d, TestProcesses.event(i, T0.plusSeconds(10L * i + d))).isAccepted()).isTrue();
      }
    }
  }

  /** The store's connections, each told to join by hashing, which sends the rows in the order they are stored. */
  private static DataSource hashJoins(DataSource database) {
    return new ConnectionWrappingDataSource(database) {
      @Override
      Connection wrap(Connection physical) {
        try (Statement s = physical.createStatement()) {
          s.execute("SET enable_nestloop = off");
          s.execute("SET enable_mergejoin = off");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                try (Statement s = physical.createStatement()) {
                  s.execute("RESET ALL");
                }
              }
              return invoke(physical, method, args);
            });
      }
    };
  }

  @Test
  void readsTheSameDealsWhenTheRowsOfDealsComeInterleaved() throws SQLException {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
    interleavedDeals(database);
    DataSource hashing = hashJoins(database);
    try (Connection c = hashing.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT d.id FROM salesflow_deals d LEFT JOIN salesflow_transitions t"
            + " ON t.deal_id = d.id AND t.version <= d.version WHERE d.process_id = '" + TestProcesses.ID + "'")) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      assertThat(ids).as("the premise: rows of one deal, then another's, then the first's again")
          .containsSubsequence("D-1", "D-2", "D-1");
    }
    JdbcDealStore nested = JdbcDealStore.builder(database).migrate(false).build();
    JdbcDealStore hashed = JdbcDealStore.builder(hashing).migrate(false).build();

    List<Deal> expected = nested.findByProcess(TestProcesses.ID);
    assertThat(expected).hasSize(5);
    assertThat(expected).filteredOn(d -> d.id().equals("D-2")).singleElement()
        .satisfies(d -> assertThat(d.history().size()).isEqualTo(4));
    assertThat(hashed.findByProcess(TestProcesses.ID)).containsExactlyInAnyOrderElementsOf(expected);
    for (Deal deal : expected) {
      assertThat(hashed.find(deal.id())).contains(deal);
    }

    JdbcTestSupport.update(database, "DELETE FROM salesflow_transitions WHERE deal_id = ? AND version = 2", "D-3");
    List<DealStore.Unreadable> unreadable = new ArrayList<>();
    assertThat(hashed.findByProcess(TestProcesses.ID, unreadable::add)).extracting(Deal::id)
        .containsExactlyInAnyOrder("D-1", "D-2", "D-4", "D-5");
    assertThat(unreadable).singleElement().satisfies(u -> {
      assertThat(u.dealId()).isEqualTo("D-3");
      assertThat(u.problem()).contains("history row 2 is missing");
    });
  }

  @Test
  void aHistoryRowAfterTheDealWasReadIsReadAsBefore() {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    JdbcDealStore.builder(database).build();
    interleavedDeals(database);
    // without its primary key the table can hold a second row of the same version (a change by hand); stored after
    // every other row, it comes after the deal's other rows and after other deals' rows, and is the one kept
    JdbcTestSupport.update(database, "ALTER TABLE salesflow_transitions DROP CONSTRAINT salesflow_transitions_pk");
    JdbcTestSupport.update(database, "INSERT INTO salesflow_transitions (deal_id, version, from_stage, to_stage,"
        + " event_type, is_internal, recorded_at, occurred_at, payload, idempotency_key, actor) SELECT deal_id,"
        + " version, from_stage, to_stage, event_type, is_internal, recorded_at, occurred_at, payload,"
        + " idempotency_key, 'a second row' FROM salesflow_transitions WHERE deal_id = 'D-2' AND version = 2");
    JdbcDealStore store = JdbcDealStore.builder(hashJoins(database)).migrate(false).build();

    List<Deal> deals = store.findByProcess(TestProcesses.ID);

    assertThat(deals).extracting(Deal::id).containsExactlyInAnyOrder("D-1", "D-2", "D-3", "D-4", "D-5");
    Deal d2 = deals.stream().filter(d -> d.id().equals("D-2")).findFirst().orElseThrow();
    assertThat(d2.history().asList()).extracting(TransitionRecord::actor)
        .containsExactly(null, "a second row", null, null);
    assertThat(deals).filteredOn(d -> !d.id().equals("D-2")).allSatisfy(d -> assertThat(d.history().asList())
        .extracting(TransitionRecord::actor).doesNotContain("a second row"));
  }
}
