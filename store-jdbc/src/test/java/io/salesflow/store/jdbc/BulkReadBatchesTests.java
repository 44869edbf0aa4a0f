package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A bulk query on H2 decodes the documents of many deals together: over hundreds of deals, with damaged and unusual
 * rows among them at the edges of what is decoded together, it reads each deal as reading it alone does, and reports
 * each damaged one with the message reading it alone gives.
 */
class BulkReadBatchesTests {
  private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
  private static final int DEALS = 200;

  @Test
  void readsEveryDealAsReadingItAloneDoesWithDamagedAndUnusualRowsAmongThem() {
    DataSource database = JdbcTestSupport.newH2();
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(database).recentDeals(0).build())
        .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    for (int d = 0; d < DEALS; d++) {
      String id = String.format("D-%03d", d);
      engine.start(id, TestProcesses.ID, d % 7 == 0 ? DealFacts.builder().source("web").build() : DealFacts.none());
      for (int i = 0; i < d % 4; i++) {
        assertThat(engine.fire(id, TestProcesses.event(i, T0.plusSeconds(i))).isAccepted()).isTrue();
      }
    }
    // damaged: a state document, a payload in the middle of a history, a history row missing, at the edges of the
    // deals decoded together and in a row
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = REPLACE(state, '\"format\":2',"
        + " '\"format\":99') WHERE id = ?", "D-063");
    JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET payload = REPLACE(payload, '\"at\":\"',"
        + " '\"at\":\"x') WHERE deal_id = ? AND version = 2", "D-062");
    JdbcTestSupport.update(database, "DELETE FROM salesflow_transitions WHERE deal_id = ? AND version = 1", "D-065");
    JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET payload = payload || 'x' WHERE deal_id = ?"
        + " AND version = 1", "D-127");
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = '{' WHERE id = ?", "D-128");
    // unusual but readable: a state and a payload with a space after them, an event's members in another order
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = state || ' ' WHERE id = ?", "D-129");
    JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET payload = ' ' || payload WHERE deal_id = ?"
        + " AND version = 2", "D-130");
    JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET payload = REPLACE(payload,"
        + " '{\"type\":\"contact-made\",', '{\"note\":null,\"type\":\"contact-made\",') WHERE deal_id = ?", "D-131");
    JdbcDealStore store = JdbcDealStore.builder(database).migrate(false).recentDeals(0).build();

    Map<String, Deal> alone = new LinkedHashMap<>();
    Map<String, String> problems = new LinkedHashMap<>();
    for (int d = 0; d < DEALS; d++) {
      String id = String.format("D-%03d", d);
      try {
        alone.put(id, store.find(id).orElseThrow());
      } catch (JdbcStoreException e) {
        problems.put(id, e.getMessage());
      }
    }
    List<DealStore.Unreadable> unreadable = new ArrayList<>();
    List<Deal> together = store.findByProcess(TestProcesses.ID, unreadable::add);

    assertThat(problems).containsOnlyKeys("D-062", "D-063", "D-065", "D-127", "D-128");
    assertThat(together).containsExactlyInAnyOrderElementsOf(alone.values());
    assertThat(unreadable).extracting(DealStore.Unreadable::dealId)
        .containsExactlyInAnyOrderElementsOf(problems.keySet());
    for (DealStore.Unreadable u : unreadable) {
      assertThat(problems.get(u.dealId())).as(u.dealId()).endsWith(u.problem());
    }
    assertThat(alone.get("D-131").history().size()).isEqualTo(3);
    assertThatThrownBy(() -> store.find("D-062")).hasMessageContaining("history row 2");
  }
}
