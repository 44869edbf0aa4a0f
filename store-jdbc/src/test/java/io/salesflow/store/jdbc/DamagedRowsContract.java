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
  void aDeletedFirstHistoryRowFailsOnlyItsDealNamingTheRow() {
    JdbcTestSupport.update(database, "DELETE FROM salesflow_transitions WHERE deal_id = ? AND version = 1", "D-1");

    assertOnlyDamagedDealIsLeftOut("D-1", "history row 1 is missing");
  }

  @Test
  void aDealWhoseHistoryRowsAreAllDeletedFailsOnlyItsDealNamingTheFirstRow() {
    JdbcTestSupport.update(database, "DELETE FROM salesflow_transitions WHERE deal_id = ?", "D-4");

    assertOnlyDamagedDealIsLeftOut("D-4", "history row 1 is missing");
  }

  /** Sets a document column of the rows that {@code where} selects, with the cast a jsonb column needs. */
  private void setDocument(String table, String column, String json, String where, Object... parameters) {
    Object[] all = new Object[parameters.length + 1];
    all[0] = json;
    System.arraycopy(parameters, 0, all, 1, parameters.length);
    JdbcTestSupport.update(database, "UPDATE " + table + " SET " + column + " = "
        + JdbcTestSupport.documentParameter(database) + " WHERE " + where, all);
  }

  @Test
  void malformedStateJsonFailsOnlyItsDeal() {
    if (JdbcTestSupport.jsonb(database)) { // the column takes well-formed JSON only
      assertThatThrownBy(() -> setDocument("salesflow_deals", "state", "{\"format\":1,", "id = ?", "D-3"))
          .hasMessageContaining("json");
      return;
    }
    setDocument("salesflow_deals", "state", "{\"format\":1,", "id = ?", "D-3");

    assertOnlyDamagedDealIsLeftOut("D-3", "malformed JSON");
  }

  @Test
  void aStateThatIsNotAnObjectFailsOnlyItsDeal() {
    setDocument("salesflow_deals", "state", "[\"format\", 2]", "id = ?", "D-3");

    assertOnlyDamagedDealIsLeftOut("D-3", "salesflow_deals is damaged");
  }

  @Test
  void aStateVersionPastTheDealsVersionFailsOnlyItsDeal() {
    JdbcTestSupport.update(database, "UPDATE salesflow_deals SET state_version = 7 WHERE id = ?", "D-2");

    assertOnlyDamagedDealIsLeftOut("D-2", "state_version 7 is not between 0 and its version 3");
  }

  @Test
  void aStateOfANewerFormatFailsOnlyItsDealSayingSo() {
    setDocument("salesflow_deals", "state", "{\"format\":99,\"createdAt\":\"2026-10-01T09:00:00Z\"}", "id = ?",
        "D-4");

    assertOnlyDamagedDealIsLeftOut("D-4", "document format 99 is not supported");
  }

  @Test
  void aStateOfTheWrongShapeFailsOnlyItsDeal() {
    setDocument("salesflow_deals", "state", "{\"format\":1,\"createdAt\":\"yesterday\"}", "id = ?", "D-1");

    JdbcStoreException thrown = (JdbcStoreException) org.assertj.core.api.Assertions.catchThrowable(
        () -> freshStore().find("D-1"));
    assertThat(thrown).hasMessageContaining("deal 'D-1'").hasMessageContaining("salesflow_deals");
    List<DealStore.Unreadable> unreadable = new ArrayList<>();
    assertThat(freshStore().findByProcess(TestProcesses.ID, unreadable::add)).hasSize(3);
    assertThat(unreadable).extracting(DealStore.Unreadable::dealId).containsExactly("D-1");
  }

  /**
   * How deeply the damaged documents below nest: far past what the store reads, and, in a text column, far past
   * what a recursive reader survives. PostgreSQL refuses to store jsonb much deeper than a few thousand levels.
   */
  private int deep() {
    return JdbcTestSupport.jsonb(database) ? 2_000 : 100_000;
  }

  @Test
  void aPayloadNestedTooDeeplyFailsOnlyItsDealWithoutExhaustingTheStack() {
    String deep = "[".repeat(deep()) + "]".repeat(deep());
    setDocument("salesflow_transitions", "payload", "{\"format\":1,\"at\":\"2026-10-01T09:00:00Z\",\"event\":"
        + deep + "}", "deal_id = ? AND version = 1", "D-4");

    assertOnlyDamagedDealIsLeftOut("D-4", "nest deeper than " + Documents.MAX_DEPTH);
  }

  @Test
  void aStateNestedTooDeeplyFailsOnlyItsDeal() {
    String deep = "{\"a\":".repeat(deep() / 2) + "1" + "}".repeat(deep() / 2);
    setDocument("salesflow_deals", "state", deep, "id = ?", "D-1");

    assertOnlyDamagedDealIsLeftOut("D-1", "nest deeper than " + Documents.MAX_DEPTH);
  }

  @Test
  void aPayloadOfAnUnknownEnumConstantNamesTheDealAndTheRow() {
    setDocument("salesflow_transitions", "payload", "{\"format\":1,\"at\":\"2026-10-01T09:00:00Z\",\"event\":{"
        + "\"type\":\"contact-made\",\"occurredAt\":\"2026-10-01T09:00:00Z\",\"channel\":\"CARRIER_PIGEON\"}}",
        "deal_id = ? AND version = 1", "D-2");

    assertOnlyDamagedDealIsLeftOut("D-2", "history row 1");
    assertThatThrownBy(() -> freshStore().find("D-2")).hasMessageContaining("'CARRIER_PIGEON' is not a contact"
        + " channel");
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
