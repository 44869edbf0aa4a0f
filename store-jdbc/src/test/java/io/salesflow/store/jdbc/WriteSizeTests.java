package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.engine.DealEngine;
import io.salesflow.store.DealStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What one accepted event writes, in bytes of SQL parameters, for a young deal (5 follow-ups) and an old one (500):
 * printed as a report, and held to at most 1.2 times as much for the old deal. Each figure is the mean over one
 * cycle of ten events after the follow-ups: six more follow-ups, a presentation, two objections and a contact that
 * moves the deal back, so stage changes and growing lists are both in it.
 */
class WriteSizeTests {
  private static final Instant AT = Instant.parse("2026-10-20T08:00:00Z");
  private static final double MAX_RATIO = 1.2;

  @Test
  void bytesWrittenPerEventDoNotGrowWithTheDealsFollowUps() {
    report("store with recent deals (the default)", database -> session(JdbcDealStore.builder(database).build()));
  }

  @Test
  void bytesWrittenPerEventDoNotGrowWithoutRecentDealsEither() {
    report("store without recent deals", database -> session(JdbcDealStore.builder(database).recentDeals(0).build()));
  }

  @Test
  void bytesWrittenPerEventDoNotGrowInsideTheApplicationsTransaction() {
    report("store in the application's transaction", database -> {
      try {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        DealStore joined = JdbcDealStore.builder(database).build().joining(connection);
        return new Session(joined, connection::commit);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** A store to fire through, and what to do after each fire (commit the application's transaction, say). */
  private record Session(DealStore store, AfterFire afterFire) {}

  private interface AfterFire {
    void run() throws SQLException;
  }

  private static Session session(DealStore store) {
    return new Session(store, () -> { });
  }

  private static void report(String what, Function<CountingDataSource, Session> sessions) {
    long young = bytesPerEvent(5, sessions);
    long old = bytesPerEvent(500, sessions);
    double ratio = old / (double) young;
    System.out.printf(Locale.ROOT, "bytes written per accepted event, %s: %,d with 5 follow-ups, %,d with 500"
        + " (%.2fx)%n", what, young, old, ratio);
    assertThat(ratio).as("bytes per event with 500 follow-ups against 5 (%d against %d)", old, young)
        .isLessThanOrEqualTo(MAX_RATIO);
  }

  /** Mean bytes written per accepted event in one cycle of ten, after {@code followUps} follow-ups. */
  private static long bytesPerEvent(int followUps, Function<CountingDataSource, Session> sessions) {
    CountingDataSource database = new CountingDataSource(JdbcTestSupport.newH2());
    Session session = sessions.apply(database);
    DealEngine engine = DealEngine.tableEngine().process(TestProcesses.busyPipeline()).store(session.store())
        .build();
    engine.start("D-1", TestProcesses.ID);
    fire(session, engine, new SalesEvent.ContactMade(AT, ContactChannel.PHONE));
    Instant t = AT;
    for (int i = 0; i < followUps; i++) {
      fire(session, engine, followUp(t = t.plusSeconds(60)));
    }
    List<SalesEvent> cycle = List.of(followUp(t = t.plusSeconds(60)), followUp(t = t.plusSeconds(60)),
        followUp(t = t.plusSeconds(60)), followUp(t = t.plusSeconds(60)), followUp(t = t.plusSeconds(60)),
        followUp(t = t.plusSeconds(60)), new SalesEvent.PresentationDelivered(t = t.plusSeconds(60)),
        new SalesEvent.ObjectionRaised(t = t.plusSeconds(60), ObjectionCategory.PRICE, "too expensive"),
        new SalesEvent.ObjectionRaised(t = t.plusSeconds(60), ObjectionCategory.TIMING, "next quarter"),
        new SalesEvent.ContactMade(t.plusSeconds(60), ContactChannel.VIDEO_CALL));
    long before = database.bytes();
    for (SalesEvent event : cycle) {
      fire(session, engine, event);
    }
    return (database.bytes() - before) / cycle.size();
  }

  private static SalesEvent followUp(Instant at) {
    return new SalesEvent.FollowUpLogged(at, ContactChannel.EMAIL, FollowUpOutcome.NO_RESPONSE);
  }

  private static void fire(Session session, DealEngine engine, SalesEvent event) {
    assertThat(engine.fire("D-1", event).isAccepted()).as("%s accepted", event).isTrue();
    try {
      session.afterFire().run();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
