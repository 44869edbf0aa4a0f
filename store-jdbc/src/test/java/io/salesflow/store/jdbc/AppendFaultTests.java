package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transition whose transaction breaks after the deal row was updated, before the history row was inserted, leaves
 * the deal and its history as they were; the next attempt succeeds. Subclasses supply the database and how to drop a
 * connection on it.
 */
abstract class AppendFaultTests {
  private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

  private DataSource database;
  private FaultyDataSource faulty;
  private JdbcDealStore reader;
  private DealEngine engine;

  /** A migrated database, empty of deals. */
  protected abstract DataSource database();

  /** Drops a physical connection the way its database would lose it. */
  protected abstract void drop(java.sql.Connection physical) throws java.sql.SQLException;

  @BeforeEach
  void setUp() {
    database = database();
    faulty = new FaultyDataSource(database, this::drop);
    reader = JdbcDealStore.builder(database).migrate(false).build();
    engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(faulty).migrate(false).build()).build();
    engine.start("D-1", TestProcesses.ID);
    assertThat(engine.fire("D-1", new SalesEvent.ContactMade(AT, ContactChannel.PHONE)).isAccepted()).isTrue();
  }

  @Test
  void aFailedHistoryInsertLeavesTheDealAsItWasAndTheNextAttemptSucceeds() {
    Deal before = reader.find("D-1").orElseThrow();
    SalesEvent event = new SalesEvent.PresentationDelivered(AT.plusSeconds(60));
    faulty.failNextHistoryInsert();

    assertThatThrownBy(() -> engine.fire("D-1", event))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal 'D-1'")
        .hasMessageContaining("nothing was written")
        .hasRootCauseMessage("injected failure of the history insert");

    assertUnchanged(before);
    assertRetrySucceeds(before, event);
  }

  @Test
  void aConnectionDroppedMidTransactionLeavesTheDealAsItWasAndTheNextAttemptSucceeds() {
    Deal before = reader.find("D-1").orElseThrow();
    SalesEvent event = new SalesEvent.PresentationDelivered(AT.plusSeconds(60));
    faulty.dropConnectionAtNextHistoryInsert();

    assertThatThrownBy(() -> engine.fire("D-1", event))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("deal 'D-1'");

    assertUnchanged(before);
    assertRetrySucceeds(before, event);
  }

  private void assertUnchanged(Deal before) {
    assertThat(faulty.faults()).isEqualTo(1);
    assertThat(faulty.dealRowsUpdatedBeforeFault()).as("the deal row was updated when the fault hit").isEqualTo(1);
    assertThat(reader.find("D-1")).contains(before);
    assertThat(JdbcTestSupport.versionColumn(database, "D-1")).isEqualTo(before.version());
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(before.version());
  }

  private void assertRetrySucceeds(Deal before, SalesEvent event) {
    FireResult retry = engine.fire("D-1", event);

    assertThat(retry).isInstanceOf(FireResult.Accepted.class);
    assertThat(retry.deal().version()).isEqualTo(before.version() + 1);
    assertThat(retry.deal().stage()).isEqualTo("presenting");
    assertThat(reader.find("D-1")).contains(retry.deal());
    assertThat(JdbcTestSupport.historyRows(database, "D-1")).isEqualTo(before.version() + 1);
  }
}
