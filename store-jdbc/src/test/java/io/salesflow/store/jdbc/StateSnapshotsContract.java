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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deal row's state is written when a deal is stored and then only when a change does not follow from its event:
 * a corrected snapshot, or one whose predecessor the store does not know. Whatever was written, every store reads
 * the deal back equal, and events after a written state replay on it. Run on H2 and PostgreSQL.
 */
abstract class StateSnapshotsContract {
  private static final Instant AT = Instant.parse("2026-10-15T09:00:00.000000001Z");

  private DataSource database;
  private JdbcDealStore store;
  private DealEngine engine;

  /** A database with the store's schema and no deals. */
  protected abstract DataSource database();

  @BeforeEach
  void dealInWorking() {
    database = database();
    store = JdbcDealStore.builder(database).migrate(false).build();
    engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(store).build();
    engine.start("D-1", TestProcesses.ID, DealFacts.builder().source("web").build());
    engine.fire("D-1", TestProcesses.event(0, AT)); // contact made: into 'working'
    engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(1))); // a follow-up
  }

  private JdbcDealStore freshStore() {
    return JdbcDealStore.builder(database).migrate(false).build();
  }

  private long stateVersion(String dealId) {
    return JdbcTestSupport.count(database, "SELECT state_version FROM salesflow_deals WHERE id = ?", dealId);
  }

  /** The deal after a follow-up whose facts were also corrected by hand: not what the event alone makes. */
  private static Deal corrected(Deal deal) {
    SalesEvent followUp = new SalesEvent.FollowUpLogged(AT.plusSeconds(60), ContactChannel.PHONE,
        FollowUpOutcome.RESPONDED);
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), deal.stage(), followUp,
        AT.plusSeconds(61), true, null);
    return deal.advance(record, deal.facts().apply(followUp).toBuilder().source("referral").build());
  }

  @Test
  void eventsThatFollowFromTheFactsWriteNoState() {
    assertThat(store.stateWrites()).isZero();
    assertThat(stateVersion("D-1")).isZero();
    assertThat(freshStore().find("D-1")).contains(engine.get("D-1"));
  }

  @Test
  void aSnapshotWhoseFactsDoNotFollowFromItsEventIsWrittenWholeAndReadBackEqual() {
    Deal next = corrected(engine.get("D-1"));

    store.append(next, next.lastTransition().orElseThrow());

    assertThat(store.stateWrites()).isOne();
    assertThat(stateVersion("D-1")).isEqualTo(3);
    assertThat(freshStore().find("D-1")).contains(next);
    assertThat(freshStore().find("D-1").orElseThrow().facts().source()).contains("referral");
    assertThat(store.find("D-1")).contains(next);

    FireResult after = engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(120)));
    assertThat(after.deal().facts().source()).contains("referral");
    assertThat(store.stateWrites()).as("the next event follows from the written state").isOne();
    assertThat(stateVersion("D-1")).isEqualTo(3);
    assertThat(freshStore().find("D-1")).contains(after.deal());
    assertThat(freshStore().findByProcess(TestProcesses.ID)).containsExactly(after.deal());
  }

  @Test
  void aStoreThatDoesNotKnowThePreviousSnapshotWritesTheStateAndStaysRight() {
    JdbcDealStore other = freshStore(); // has read nothing: cannot tell whether the facts follow
    Deal deal = engine.get("D-1");
    SalesEvent followUp = TestProcesses.event(1, AT.plusSeconds(30));
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), deal.stage(), followUp,
        AT.plusSeconds(31), true, null);
    Deal next = deal.advance(record, deal.facts().apply(followUp));

    other.append(next, record);

    assertThat(other.stateWrites()).isOne();
    assertThat(freshStore().find("D-1")).contains(next);
    assertThat(store.find("D-1")).as("the first store, which held version 2").contains(next);
  }

  @Test
  void aNodeHoldingADealSeesTheStateAnotherNodeWrote() {
    JdbcDealStore other = freshStore();
    Deal held = store.find("D-1").orElseThrow();
    Deal next = corrected(other.find("D-1").orElseThrow());

    other.append(next, next.lastTransition().orElseThrow());

    assertThat(store.find("D-1")).contains(next).isNotEqualTo(held);
    FireResult after = engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(300)));
    assertThat(after.deal().facts().source()).contains("referral");
    assertThat(other.find("D-1")).contains(after.deal());
  }

  @Test
  void aDealStartedWithFactsKeepsThemThroughEveryEvent() {
    for (int i = 0; i < 30; i++) {
      engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(10 + i)));
    }
    Deal deal = engine.get("D-1");

    assertThat(deal.facts().followUps().count()).isEqualTo(31);
    assertThat(deal.facts().source()).contains("web");
    assertThat(freshStore().find("D-1")).contains(deal);
    assertThat(store.stateWrites()).isZero();
  }
}
