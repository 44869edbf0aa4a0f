package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import io.salesflow.testkit.EventGenerator;
import io.salesflow.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The funnel report over a stored pipeline has the figures of the same report over the in-memory store: the JDBC
 * store's bulk read gives back every time to the nanosecond, every stage passed through and every fact a cut reads.
 */
class FunnelOverStoresTests {
  private static final int DEALS = 80;

  @Test
  void reportsTheSameFiguresOverTheJdbcStoreAsOverTheInMemoryStore() {
    SalesProcess process = SalesCatalog.eightStep();
    EventGenerator events = EventGenerator.forProcess(process);
    ManualClock clock = ManualClock.startingAt(Instant.parse("2026-03-02T08:00:00.123456789Z"));
    JdbcDealStore jdbc = JdbcDealStore.builder(JdbcTestSupport.newH2()).recentDeals(0).build();
    DealStore inMemory = DealStore.inMemory();
    DealEngine stored = DealEngine.tableEngine().process(process).store(jdbc).clock(clock).build();
    DealEngine inMemoryEngine = DealEngine.tableEngine().process(process).store(inMemory).clock(clock).build();
    SplittableRandom random = new SplittableRandom(22);
    for (int i = 0; i < DEALS; i++) {
      String id = "D-" + i;
      DealEngine.Start start = DealEngine.Start.of(id, process.id()).owner("rep-" + (i % 4));
      Deal deal = stored.start(start);
      inMemoryEngine.start(start);
      int steps = random.nextInt(16);
      for (int step = 0; step < steps && !process.stage(deal.stage()).isTerminal(); step++) {
        clock.advance(Duration.ofMinutes(random.nextInt(1, 20_000)).plusNanos(random.nextInt(1_000_000_000)));
        if (random.nextInt(25) == 0) {
          Stage target = process.stages().get(random.nextInt(process.stages().size()));
          if (!target.id().equals(deal.stage())) {
            deal = stored.override(id, target.id(), "manager", "moved in the review").deal();
            inMemoryEngine.override(id, target.id(), "manager", "moved in the review");
          }
        } else {
          SalesEvent event = events.eventFor(deal, clock.instant(), random);
          FireResult result = stored.fire(id, event);
          assertThat(inMemoryEngine.fire(id, event).isAccepted()).isEqualTo(result.isAccepted());
          deal = result.deal();
        }
      }
      assertThat(deal).isEqualTo(inMemory.find(id).orElseThrow());
    }
    Instant at = clock.advance(Duration.ofDays(30));

    FunnelReport overJdbc = FunnelReport.of(process, jdbc, at);
    FunnelReport overMemory = FunnelReport.of(process, inMemory, at);

    assertThat(overJdbc.skipped()).isEmpty();
    assertThat(overJdbc.deals()).isEqualTo(DEALS);
    assertThat(overJdbc.stages()).isEqualTo(overMemory.stages());
    assertThat(List.of(overJdbc.won(), overJdbc.lost(), overJdbc.open(), overJdbc.overrides()))
        .isEqualTo(List.of(overMemory.won(), overMemory.lost(), overMemory.open(), overMemory.overrides()));
    assertThat(overJdbc.won() + overJdbc.lost()).isPositive();
    assertThat(overJdbc.overrides()).isPositive();
    assertThat(overJdbc.winRate()).isEqualTo(overMemory.winRate());
    assertThat(overJdbc.medianCycleTime()).isEqualTo(overMemory.medianCycleTime());
    assertThat(overJdbc.winRateBy(FunnelReport::approachMethod))
        .isEqualTo(overMemory.winRateBy(FunnelReport::approachMethod));
    assertThat(overJdbc.csv()).isEqualTo(overMemory.csv());
    Map<String, FunnelReport> byOwner = overJdbc.byOwner();
    assertThat(byOwner.keySet()).isEqualTo(overMemory.byOwner().keySet());
    byOwner.forEach((owner, report) -> assertThat(report.csv()).isEqualTo(overMemory.byOwner().get(owner).csv()));
  }
}
