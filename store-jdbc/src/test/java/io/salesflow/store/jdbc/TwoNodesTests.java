package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes, each an engine with its own connection pool, share one PostgreSQL database: every accepted
 * transition is in the history exactly once, and nothing else is.
 */
class TwoNodesTests {
  private static final int DEALS = 50;
  private static final int THREADS_PER_NODE = 4;
  private static final int EVENTS_PER_THREAD = 60;

  @Test
  void keepsEveryAcceptedTransitionOfBothNodesExactlyOnce() throws Exception {
    DataSource database = EmbeddedPostgresSupport.newDatabase();
    String url = EmbeddedPostgresSupport.jdbcUrl(database);
    try (HikariDataSource poolA = pool(url, "node-a"); HikariDataSource poolB = pool(url, "node-b");
        DealEngine nodeA = engine(poolA); DealEngine nodeB = engine(poolB)) {
      for (int d = 0; d < DEALS; d++) {
        (d % 2 == 0 ? nodeA : nodeB).start(dealId(d), TestProcesses.ID);
      }
      Queue<FireResult.Accepted> accepted = new ConcurrentLinkedQueue<>();
      Queue<SalesEvent> fired = new ConcurrentLinkedQueue<>();
      AtomicInteger rejected = new AtomicInteger();
      AtomicInteger sequence = new AtomicInteger();
      Instant base = Instant.parse("2026-05-01T08:00:00Z");
      ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      try {
        for (int t = 0; t < 2 * THREADS_PER_NODE; t++) {
          DealEngine node = t < THREADS_PER_NODE ? nodeA : nodeB;
          SplittableRandom random = new SplittableRandom(7919L * t);
          done.add(threads.submit(() -> {
            go.await();
            for (int i = 0; i < EVENTS_PER_THREAD; i++) {
              // every event is distinct: its time is unique across both nodes
              SalesEvent event = TestProcesses.event(random.nextInt(4),
                  base.plusNanos(1_000L * sequence.incrementAndGet()));
              fired.add(event);
              FireResult result = node.fire(dealId(random.nextInt(DEALS)), event);
              if (result instanceof FireResult.Accepted a) {
                accepted.add(a);
              } else {
                rejected.incrementAndGet();
              }
            }
            return null;
          }));
        }
        go.countDown();
        for (Future<?> f : done) {
          f.get(120, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }

      assertThat(accepted.size() + rejected.get()).isEqualTo(fired.size());
      assertThat(accepted).isNotEmpty();
      assertThat(rejected.get()).isPositive();

      Map<String, List<TransitionRecord>> acceptedByDeal = new HashMap<>();
      Map<String, Deal> latestByDeal = new HashMap<>();
      for (FireResult.Accepted a : accepted) {
        acceptedByDeal.computeIfAbsent(a.deal().id(), k -> new ArrayList<>()).add(a.transition());
        latestByDeal.merge(a.deal().id(), a.deal(), (x, y) -> x.version() >= y.version() ? x : y);
      }
      JdbcDealStore reader = JdbcDealStore.builder(database).migrate(false).build();
      Map<String, Long> rowsByDeal = historyRowsByDeal(database);
      Set<SalesEvent> storedEvents = new HashSet<>();
      for (int d = 0; d < DEALS; d++) {
        String id = dealId(d);
        List<TransitionRecord> expected = new ArrayList<>(acceptedByDeal.getOrDefault(id, List.of()));
        expected.sort(Comparator.comparingLong(TransitionRecord::version));
        Deal stored = reader.find(id).orElseThrow();

        assertThat(stored.history().asList()).as("history of %s", id).isEqualTo(expected);
        assertThat(stored.version()).as("version of %s", id).isEqualTo(expected.size());
        assertThat(rowsByDeal.getOrDefault(id, 0L)).as("history rows of %s", id).isEqualTo(expected.size());
        if (latestByDeal.containsKey(id)) {
          assertThat(stored).isEqualTo(latestByDeal.get(id));
        }
        stored.history().forEach(r -> assertThat(storedEvents.add(r.event())).as("duplicate %s", r).isTrue());
      }
      assertThat(storedEvents).containsExactlyInAnyOrderElementsOf(
          accepted.stream().map(FireResult.Accepted::event).toList());
    }
  }

  private static String dealId(int d) {
    return "deal-" + d;
  }

  private static HikariDataSource pool(String url, String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("postgres");
    config.setMaximumPoolSize(THREADS_PER_NODE);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  private static DealEngine engine(DataSource pool) {
    return DealEngine.tableEngine()
        .process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(pool).build())
        .build();
  }

  private static Map<String, Long> historyRowsByDeal(DataSource database) throws Exception {
    Map<String, Long> rows = new HashMap<>();
    try (Connection c = database.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT deal_id, COUNT(*) FROM salesflow_transitions GROUP BY deal_id")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getLong(2));
      }
    }
    return rows;
  }
}
