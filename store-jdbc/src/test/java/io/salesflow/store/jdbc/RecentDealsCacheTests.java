package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.engine.DealEngine;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The recent deals: bounded by weight, used only while the row they were made from is unchanged. */
class RecentDealsCacheTests {
  private static final Instant AT = Instant.parse("2026-10-07T08:00:00Z");

  private static DealEngine engine(JdbcDealStore store) {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store).build();
  }

  @Test
  void anUnchangedDealIsServedWithoutReadingItsHistoryAgain() {
    JdbcDealStore store = JdbcDealStore.builder(JdbcTestSupport.newH2()).build();
    DealEngine engine = engine(store);
    engine.start("D-1", TestProcesses.ID);
    for (int i = 0; i < 10; i++) {
      engine.fire("D-1", TestProcesses.event(i, AT.plusSeconds(i)));
    }
    long before = store.fullReads();
    for (int i = 0; i < 5; i++) {
      store.find("D-1");
    }
    assertThat(store.fullReads()).isEqualTo(before);
  }

  @Test
  void aDealRowChangedByHandWithItsVersionLeftAloneIsReadAgain() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore store = JdbcDealStore.builder(h2).build();
    DealEngine engine = engine(store);
    engine.start("D-2", TestProcesses.ID, DealFacts.builder().source("web").build());
    Deal fired = engine.fire("D-2", TestProcesses.event(0, AT)).deal();
    assertThat(store.find("D-2")).contains(fired);

    // an operator corrects the lead source in the database and leaves version and updated_at as they were
    JdbcTestSupport.update(h2, "UPDATE salesflow_deals SET state = REPLACE(state, '\"web\"', '\"referral\"')"
        + " WHERE id = ?", "D-2");

    assertThat(store.find("D-2").orElseThrow().facts().source()).contains("referral");
    Deal next = engine.fire("D-2", TestProcesses.event(1, AT.plusSeconds(60))).deal();
    assertThat(next.facts().source()).contains("referral"); // not overwritten with the old copy
    assertThat(JdbcDealStore.builder(h2).build().find("D-2").orElseThrow().facts().source()).contains("referral");
  }

  @Test
  void aHistoryRowChangedByHandIsSeenOnceTheDealRowIsTouched() {
    DataSource h2 = JdbcTestSupport.newH2();
    JdbcDealStore store = JdbcDealStore.builder(h2).build();
    DealEngine engine = engine(store);
    engine.start("D-3", TestProcesses.ID);
    engine.fire("D-3", TestProcesses.event(0, AT));
    engine.fire("D-3", TestProcesses.event(1, AT.plusSeconds(1)));
    assertThat(store.find("D-3")).isPresent();

    JdbcTestSupport.update(h2, "UPDATE salesflow_transitions SET payload = REPLACE(payload, '\"no-response\"',"
        + " '\"responded\"') WHERE deal_id = ? AND version = 2", "D-3");
    JdbcTestSupport.update(h2, "UPDATE salesflow_deals SET updated_at = CURRENT_TIMESTAMP WHERE id = ?", "D-3");

    assertThat(store.find("D-3").orElseThrow().history().asList().get(1).event().toString()).contains("RESPONDED");
  }

  @Test
  void theRecentDealsWeighDealsByTheirHistoryAndStayWithinTheBound() {
    JdbcDealStore store = JdbcDealStore.builder(JdbcTestSupport.newH2()).cachedHistoryRecords(100).build();
    DealEngine engine = engine(store);
    for (int d = 0; d < 10; d++) {
      engine.start("D-" + d, TestProcesses.ID);
      engine.fire("D-" + d, TestProcesses.event(0, AT)); // contact made: into 'working'
      for (int i = 1; i < 30; i++) { // follow-ups: 30 records, weighing 31 with the deal, so at most 3 fit in 100
        assertThat(engine.fire("D-" + d, TestProcesses.event(1, AT.plusSeconds(i))).isAccepted()).isTrue();
      }
    }
    assertThat(store.cachedDeals()).isBetween(1L, 3L);
    for (int d = 0; d < 10; d++) { // every deal still reads back whole
      assertThat(store.find("D-" + d).orElseThrow().history().asList()).hasSize(
          (int) store.find("D-" + d).orElseThrow().version());
    }
  }

  @Test
  void withoutRecentDealsEveryReadReadsTheHistory() {
    JdbcDealStore store = JdbcDealStore.builder(JdbcTestSupport.newH2()).cachedHistoryRecords(0).build();
    DealEngine engine = engine(store);
    engine.start("D-4", TestProcesses.ID);
    engine.fire("D-4", TestProcesses.event(0, AT));
    long before = store.fullReads();
    store.find("D-4");
    store.find("D-4");
    assertThat(store.fullReads()).isEqualTo(before + 2);
    assertThat(store.cachedDeals()).isZero();
  }
}
