package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.UnknownProcessException;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deal whose rows were damaged outside Salesflow fails alone: reading it names the deal and what is wrong, and the
 * bulk queries and the funnel report return the other deals and report it. Run on H2 and on PostgreSQL.
 */
abstract class DamagedRowsContract {
  private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

  private DataSource database;
  private DealEngine engine;

  /** A database with the store's schema and no deals. */
  protected abstract DataSource database();

  @BeforeEach
  void fourDealsWithHistory() {
    database = database();
    // no recent deals: every read goes to the rows, as a fresh node's would
    engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(database).migrate(false).recentDeals(0).build())
        .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    for (int d = 1; d <= 4; d++) {
      engine.start("D-" + d, TestProcesses.ID, DealFacts.none());
      for (int i = 0; i < 3; i++) { // contact made, follow-up, presentation: 3 accepted transitions
        assertThat(engine.fire("D-" + d, TestProcesses.event(i, T0.plusSeconds(i))).isAccepted()).isTrue();
      }
    }
  }

  private JdbcDealStore freshStore() {
    return JdbcDealStore.builder(database).migrate(false).build();
  }

  private void assertOnlyDamagedDealIsLeftOut(String damaged, String problem) {
    JdbcDealStore store = freshStore();
    List<String> others = new ArrayList<>(List.of("D-1", "D-2", "D-3", "D-4"));
    others.remove(damaged);
    assertThatThrownBy(() -> store.find(damaged))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal '" + damaged + "'")
        .hasMessageContaining(problem);
    assertThat(store.find(others.get(0))).isPresent();

    List<DealStore.Unreadable> unreadable = new ArrayList<>();
    List<Deal> deals = store.findByProcess(TestProcesses.ID, unreadable::add);
    assertThat(deals).extracting(Deal::id).containsExactlyInAnyOrderElementsOf(others);
    assertThat(unreadable).singleElement().satisfies(u -> {
      assertThat(u.dealId()).isEqualTo(damaged);
      assertThat(u.problem()).contains(problem);
    });
    assertThat(store.findByProcess(TestProcesses.ID)).hasSize(3);
    assertThat(store.findByStage(TestProcesses.ID, "presenting")).hasSize(3);
    List<DealStore.Unreadable> byStage = new ArrayList<>();
    assertThat(store.findByStage(TestProcesses.ID, "presenting", byStage::add)).hasSize(3);
    assertThat(byStage).extracting(DealStore.Unreadable::dealId).containsExactly(damaged);
    Instant later = T0.plus(Duration.ofDays(30));
    assertThat(store.findStalled(TestProcesses.ID, "presenting", Duration.ofDays(1), later)).hasSize(3);
    assertThat(store.findFollowUpsOverdue(TestProcesses.ID, "presenting", Duration.ofDays(1), later)).hasSize(3);

    FunnelReport report = FunnelReport.of(TestProcesses.busyPipeline(), store, later);
    assertThat(report.deals()).isEqualTo(3);
    assertThat(report.skipped()).extracting(DealStore.Unreadable::dealId).containsExactly(damaged);
    assertThat(report.toString()).contains("1 unreadable deals skipped");
  }

  @Test
  void aDeletedMiddleHistoryRowFailsOnlyItsDealNamingTheRow() {
    JdbcTestSupport.update(database, "DELETE FROM salesflow_transitions WHERE deal_id = ? AND version = 2", "D-2");

    assertOnlyDamagedDealIsLeftOut("D-2", "history row 2 is missing");
  }

  @Test
  void aDeletedLastHistoryRowFailsOnlyItsDeal() {
    JdbcTestSupport.update(database, "DELETE FROM salesflow_transitions WHERE deal_id = ? AND version = 3", "D-3");

    assertOnlyDamagedDealIsLeftOut("D-3", "history row 3 is missing");
  }

  @Test
  void malformedStateJsonFailsOnlyItsDeal() {
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = ? WHERE id = ?", "{\"format\":1,", "D-3");

    assertOnlyDamagedDealIsLeftOut("D-3", "malformed JSON");
  }

  @Test
  void aStateOfTheWrongShapeFailsOnlyItsDeal() {
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = ? WHERE id = ?",
        "{\"format\":1,\"createdAt\":\"yesterday\"}", "D-1");

    JdbcStoreException thrown = (JdbcStoreException) org.assertj.core.api.Assertions.catchThrowable(
        () -> freshStore().find("D-1"));
    assertThat(thrown).hasMessageContaining("deal 'D-1'").hasMessageContaining("salesflow_deals");
    List<DealStore.Unreadable> unreadable = new ArrayList<>();
    assertThat(freshStore().findByProcess(TestProcesses.ID, unreadable::add)).hasSize(3);
    assertThat(unreadable).extracting(DealStore.Unreadable::dealId).containsExactly("D-1");
  }

  @Test
  void aPayloadNestedTooDeeplyFailsOnlyItsDealWithoutExhaustingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET payload = ? WHERE deal_id = ? AND version = 1",
        "{\"format\":1,\"at\":\"2026-10-01T09:00:00Z\",\"event\":" + deep + "}", "D-4");

    assertOnlyDamagedDealIsLeftOut("D-4", "nest deeper than " + Json.MAX_DEPTH);
  }

  @Test
  void aStateNestedTooDeeplyFailsOnlyItsDeal() {
    String deep = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state = ? WHERE id = ?", deep, "D-1");

    assertOnlyDamagedDealIsLeftOut("D-1", "nest deeper than " + Json.MAX_DEPTH);
  }

  @Test
  void aPayloadOfAnUnknownEnumConstantNamesTheDealAndTheRow() {
    JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET payload = ? WHERE deal_id = ? AND version = 1",
        "{\"format\":1,\"at\":\"2026-10-01T09:00:00Z\",\"event\":{\"type\":\"contact-made\","
            + "\"occurredAt\":\"2026-10-01T09:00:00Z\",\"channel\":\"CARRIER_PIGEON\"}}", "D-2");

    assertOnlyDamagedDealIsLeftOut("D-2", "history row 1");
  }

  @Test
  void aDealOfAProcessTheEngineDoesNotKnowFailsNamingTheDealAndTheProcess() {
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET process_id = ? WHERE id = ?", "gone-process", "D-1");

    assertThatThrownBy(() -> engine.fire("D-1", TestProcesses.event(0, T0)))
        .isInstanceOf(UnknownProcessException.class)
        .hasMessageContaining("deal 'D-1'")
        .hasMessageContaining("'gone-process'");
    assertThat(engine.fire("D-2", TestProcesses.event(0, T0)).isAccepted()).isTrue();
    assertThat(FunnelReport.of(TestProcesses.busyPipeline(), freshStore(), T0).deals()).isEqualTo(3);
  }

  @Test
  void aStageThatTheProcessLacksIsSkippedByTheFunnelReport() {
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET stage = ? WHERE id = ?", "vanished", "D-3");

    FunnelReport report = FunnelReport.of(TestProcesses.busyPipeline(), freshStore(), T0);
    assertThat(report.deals()).isEqualTo(3);
    assertThat(report.skipped()).singleElement().satisfies(u -> {
      assertThat(u.dealId()).isEqualTo("D-3");
      assertThat(u.problem()).contains("'vanished'");
    });
  }
}
