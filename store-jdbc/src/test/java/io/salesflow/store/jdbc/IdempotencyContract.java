package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys in the database: stored with the transition and the deal, read back by a fresh store, and
 * applied once when two engines, each with its own store and recent deals, race with the same key on one database.
 * Run on H2 and on PostgreSQL.
 */
abstract class IdempotencyContract {
  private static final Instant AT = Instant.parse("2026-10-09T11:00:00Z");
  private static final int ROUNDS = 20;

  private DataSource database;

  /** A database with the store's schema and no deals. */
  protected abstract DataSource database();

  @BeforeEach
  void emptyDatabase() {
    database = database();
  }

  private DealEngine engine() {
    return DealEngine.tableEngine().process(TestProcesses.busyPipeline())
        .store(JdbcDealStore.builder(database).migrate(false).build()).build();
  }

  @Test
  void keysAreStoredAndReadBackByAFreshStore() {
    DealEngine engine = engine();
    Deal started = engine.start(DealEngine.Start.of("D-1", TestProcesses.ID).idempotencyKey("start-1"));
    FireResult fired = engine.fire("D-1", new SalesEvent.ContactMade(AT, SalesEvent.ContactChannel.PHONE),
        DealEngine.Fire.options().idempotencyKey("req-1"));
    engine.fire("D-1", TestProcesses.event(1, AT.plusSeconds(1))); // no key

    Deal read = JdbcDealStore.builder(database).migrate(false).build().find("D-1").orElseThrow();
    assertThat(read.startKey()).isEqualTo("start-1").isEqualTo(started.startKey());
    assertThat(read.history().asList().get(0).idempotencyKey()).isEqualTo("req-1");
    assertThat(read.history().asList().get(1).idempotencyKey()).isNull();
    assertThat(read).isEqualTo(engine.get("D-1"));
    assertThat(fired.deal().history().asList()).isEqualTo(read.history().asList().subList(0, 1));
  }

  @Test
  void aRetriedStartAndARetriedFireOnAnotherNodeReturnTheFirstResults() {
    DealEngine first = engine();
    DealEngine second = engine();
    Deal started = first.start(DealEngine.Start.of("D-2", TestProcesses.ID).idempotencyKey("start-2"));
    FireResult fired = first.fire("D-2", new SalesEvent.ContactMade(AT, SalesEvent.ContactChannel.PHONE),
        DealEngine.Fire.options().idempotencyKey("req-2"));

    // the retried start returns the deal as stored now, which the first node already moved on
    Deal restarted = second.start(DealEngine.Start.of("D-2", TestProcesses.ID).idempotencyKey("start-2"));
    assertThat(restarted).isEqualTo(fired.deal());
    assertThat(restarted.startKey()).isEqualTo(started.startKey());
    FireResult retried = second.fire("D-2", new SalesEvent.ContactMade(AT, SalesEvent.ContactChannel.PHONE),
        DealEngine.Fire.options().idempotencyKey("req-2"));
    assertThat(retried.isAccepted()).isTrue();
    assertThat(retried.deal().version()).isEqualTo(1);
    assertThat(((FireResult.Accepted) retried).transition()).isEqualTo(((FireResult.Accepted) fired).transition());
    assertThat(JdbcTestSupport.historyRows(database, "D-2")).isOne();
  }

  @Test
  void twoEnginesRacingWithOneKeyApplyItOnce() throws Exception {
    DealEngine first = engine();
    DealEngine second = engine();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String dealId = "D-race-" + round;
        first.start(dealId, TestProcesses.ID, DealFacts.none());
        first.fire(dealId, TestProcesses.event(0, AT)); // into 'working', where follow-ups are internal
        String key = "follow-up-" + round;
        SalesEvent followUp = TestProcesses.event(1, AT.plusSeconds(round));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FireResult>> results = new ArrayList<>();
        for (DealEngine engine : List.of(first, second, first, second)) {
          results.add(threads.submit(() -> {
            go.await();
            return engine.fire(dealId, followUp, DealEngine.Fire.options().idempotencyKey(key));
          }));
        }
        go.countDown();
        List<FireResult> all = new ArrayList<>();
        for (Future<FireResult> result : results) {
          all.add(result.get());
        }
        assertThat(all).allSatisfy(r -> assertThat(r.isAccepted()).isTrue());
        assertThat(all).extracting(r -> ((FireResult.Accepted) r).transition()).containsOnly(
            ((FireResult.Accepted) all.get(0)).transition());
        assertThat(JdbcTestSupport.historyRows(database, dealId)).as("history rows of " + dealId).isEqualTo(2);
        assertThat(JdbcTestSupport.count(database, "SELECT COUNT(*) FROM salesflow_transitions WHERE"
            + " idempotency_key = ?", key)).isOne();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aRetriedOverrideAndARetriedNewOwnerOnAnotherNodeReturnTheFirstResults() {
    DealEngine first = engine();
    DealEngine second = engine();
    first.start("D-4", TestProcesses.ID);
    FireResult overridden = first.override("D-4", DealEngine.Fire.by("manager-max").idempotencyKey("req-4a"),
        "presenting", "demo booked by phone");
    FireResult assigned = first.assignOwner("D-4", DealEngine.Fire.by("manager-max").idempotencyKey("req-4b"),
        "rep-bob");
    first.fire("D-4", new SalesEvent.ContactMade(AT, SalesEvent.ContactChannel.PHONE)); // back to 'working'

    FireResult overrideRetried = second.override("D-4", DealEngine.Fire.by("manager-max").idempotencyKey("req-4a"),
        "presenting", "demo booked by phone");
    FireResult ownerRetried = second.assignOwner("D-4", DealEngine.Fire.by("manager-max").idempotencyKey("req-4b"),
        "rep-bob");

    assertThat(((FireResult.Accepted) overrideRetried).transition())
        .isEqualTo(((FireResult.Accepted) overridden).transition());
    assertThat(((FireResult.Accepted) ownerRetried).transition())
        .isEqualTo(((FireResult.Accepted) assigned).transition());
    assertThat(overrideRetried.deal().version()).isEqualTo(3);
    assertThat(overrideRetried.deal().stage()).isEqualTo("working");
    assertThat(JdbcTestSupport.historyRows(database, "D-4")).isEqualTo(3);
    Deal read = JdbcDealStore.builder(database).migrate(false).build().find("D-4").orElseThrow();
    assertThat(read.history().asList()).extracting(r -> r.idempotencyKey()).containsExactly("req-4a", "req-4b", null);
    assertThat(read.history().asList()).extracting(r -> r.actor()).containsExactly("manager-max", "manager-max",
        null);
  }

  @Test
  void twoEnginesRacingWithOneKeyApplyAnOverrideOnce() throws Exception {
    DealEngine first = engine();
    DealEngine second = engine();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < ROUNDS / 2; round++) {
        String dealId = "D-override-" + round;
        first.start(dealId, TestProcesses.ID);
        String key = "override-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<FireResult>> results = new ArrayList<>();
        for (DealEngine engine : List.of(first, second, first, second)) {
          results.add(threads.submit(() -> {
            go.await();
            return engine.override(dealId, DealEngine.Fire.options().idempotencyKey(key), "won", "signed on paper");
          }));
        }
        go.countDown();
        List<FireResult> all = new ArrayList<>();
        for (Future<FireResult> result : results) {
          all.add(result.get());
        }
        assertThat(all).extracting(r -> ((FireResult.Accepted) r).transition()).containsOnly(
            ((FireResult.Accepted) all.get(0)).transition());
        assertThat(JdbcTestSupport.historyRows(database, dealId)).as("history rows of " + dealId).isOne();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theDatabaseRefusesASecondRowWithTheSameKeyForADeal() {
    DealEngine engine = engine();
    engine.start("D-3", TestProcesses.ID);
    engine.fire("D-3", new SalesEvent.ContactMade(AT, SalesEvent.ContactChannel.PHONE),
        DealEngine.Fire.options().idempotencyKey("req-3"));
    engine.fire("D-3", TestProcesses.event(1, AT.plusSeconds(1)));
    int changed;
    try {
      changed = JdbcTestSupport.update(database, "UPDATE salesflow_transitions SET idempotency_key = ?"
          + " WHERE deal_id = ? AND version = 2", "req-3", "D-3");
    } catch (IllegalStateException refused) {
      changed = 0;
    }
    assertThat(changed).isZero();
  }
}
