package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.engine.DealEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A store serves the deals it has seen without rereading their history, yet sees every other store's writes. */
class RecentDealsTests {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  static final SalesProcess PROCESS = SalesProcess.builder("recent")
      .stage(Stage.open("open", "Open"))
      .stage(Stage.won("won", "Won"))
      .initialStage("open")
      .internal("open", EventType.FOLLOW_UP_LOGGED)
      .transition("open", EventType.CLOSED_WON, "won")
      .build();

  static DealEngine engine(JdbcDealStore store) {
    return DealEngine.tableEngine().process(PROCESS).store(store).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
  }

  static SalesEvent followUp() {
    return new SalesEvent.FollowUpLogged(T0, ContactChannel.EMAIL, FollowUpOutcome.RESPONDED);
  }

  @Test
  void twoStoresTakingTurnsOnOneDealSeeEachOthersTransitions() {
    DataSource h2 = JdbcTestSupport.newH2();
    DealEngine first = engine(JdbcDealStore.builder(h2).build());
    DealEngine second = engine(JdbcDealStore.builder(h2).build());
    first.start("D-1", "recent");
    for (int i = 0; i < 6; i++) {
      assertThat((i % 2 == 0 ? first : second).fire("D-1", followUp()).isAccepted()).isTrue();
    }
    Deal seenByFirst = first.get("D-1");
    Deal seenByFresh = engine(JdbcDealStore.builder(h2).build()).get("D-1");
    assertThat(seenByFirst.version()).isEqualTo(6);
    assertThat(seenByFirst.history().asList()).isEqualTo(seenByFresh.history().asList());
    assertThat(seenByFirst.facts()).isEqualTo(seenByFresh.facts());
  }

  @Test
  void withoutRecentDealsEveryReadGoesToTheDatabase() {
    DataSource h2 = JdbcTestSupport.newH2();
    DealEngine engine = engine(JdbcDealStore.builder(h2).recentDeals(0).build());
    engine.start("D-2", "recent");
    engine.fire("D-2", followUp());
    assertThat(engine.fire("D-2", new SalesEvent.ClosedWon(T0, java.math.BigDecimal.TEN)).deal().version())
        .isEqualTo(2);
  }
}
