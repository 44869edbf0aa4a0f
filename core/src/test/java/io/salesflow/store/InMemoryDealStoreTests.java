package io.salesflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class InMemoryDealStoreTests {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  final DealStore store = DealStore.inMemory();

  static Deal fresh(String id) {
    return Deal.builder().id(id).processId("p").stage("lead").version(0).createdAt(T0).enteredStageAt(T0).build();
  }

  static Deal advanced(Deal deal) {
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), "demo",
        new SalesEvent.PresentationDelivered(T0), T0, false);
    return deal.advance(record, deal.facts());
  }

  @Test
  void appendReplacesTheDealOnlyAtTheExpectedVersion() {
    Deal deal = fresh("D-1");
    store.insert(deal);
    Deal next = advanced(deal);
    store.append(next, next.lastTransition().orElseThrow());
    assertThat(store.find("D-1")).contains(next);
    assertThatThrownBy(() -> store.append(next, next.lastTransition().orElseThrow()))
        .isInstanceOf(DealVersionConflictException.class).hasMessageContaining("expected version 0");
  }

  @Test
  void pagesThroughOneProcessVersionInOrderOfIdsWithEveryDealOnce() {
    SplittableRandom random = new SplittableRandom(20261129);
    List<Deal> versionOne = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String id = "D-" + Long.toString(random.nextLong(1L << 40), 36);
      int version = 1 + random.nextInt(2);
      String process = random.nextInt(5) == 0 ? "q" : "p";
      Deal deal = Deal.builder().from(fresh(id)).processId(process).processVersion(version).build();
      if (store.find(id).isPresent()) {
        continue;
      }
      store.insert(deal);
      if (version == 1 && process.equals("p")) {
        versionOne.add(deal);
      }
    }
    versionOne.sort(Comparator.comparing(Deal::id));

    for (int limit : new int[] {1, 7, 500, versionOne.size(), versionOne.size() + 1}) {
      List<Deal> read = new ArrayList<>();
      String after = null;
      int pages = 0;
      do {
        DealStore.Page page = store.findByProcessVersion("p", 1, after, limit, u -> { });
        assertThat(page.deals()).hasSizeLessThanOrEqualTo(limit).isSortedAccordingTo(Comparator.comparing(Deal::id));
        read.addAll(page.deals());
        after = page.next();
        pages++;
      } while (after != null);
      assertThat(read).as("limit %d", limit).isEqualTo(versionOne);
      assertThat(pages).as("limit %d", limit).isEqualTo(versionOne.size() / limit + 1);
    }
  }

  @Test
  void insertRefusesADuplicateAndAppendAnUnknownDeal() {
    store.insert(fresh("D-2"));
    assertThatThrownBy(() -> store.insert(fresh("D-2"))).isInstanceOf(DuplicateDealException.class);
    Deal stranger = advanced(fresh("D-3"));
    assertThatThrownBy(() -> store.append(stranger, stranger.lastTransition().orElseThrow()))
        .isInstanceOf(UnknownDealException.class);
  }

  @Test
  void keepsEveryDealAsTheTableGrows() {
    List<Deal> inserted = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Deal deal = fresh("D-" + i);
      store.insert(deal);
      inserted.add(deal);
    }
    Deal first = advanced(inserted.get(0));
    store.append(first, first.lastTransition().orElseThrow());

    for (int i = 1; i < inserted.size(); i++) {
      assertThat(store.find("D-" + i).orElseThrow()).isSameAs(inserted.get(i));
    }
    assertThat(store.find("D-0")).containsSame(first);
    assertThat(store.find("D-5000")).isEmpty();
    assertThat(store.findByProcess("p")).hasSize(5_000).contains(first);
    assertThat(store.findByProcess("q")).isEmpty();
    assertThatThrownBy(() -> store.insert(fresh("D-4999"))).isInstanceOf(DuplicateDealException.class);
    Deal stranger = advanced(fresh("D-5000"));
    assertThatThrownBy(() -> store.append(stranger, stranger.lastTransition().orElseThrow()))
        .isInstanceOf(UnknownDealException.class);
  }

  @Test
  void findsEveryDealInsertedBeforeTheReadWhileOtherThreadsInsertAndGrowTheTable() throws Exception {
    int writers = 3;
    int perWriter = 20_000;
    AtomicIntegerArray done = new AtomicIntegerArray(writers); // deals each writer has inserted so far
    AtomicInteger missed = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      tasks.add(() -> {
        for (int i = 0; i < perWriter; i++) {
          store.insert(fresh("W" + writer + "-" + i));
          done.set(writer, i + 1);
        }
        return null;
      });
    }
    tasks.add(() -> {
      for (int round = 0; round < 20_000 && done.get(0) + done.get(1) + done.get(2) < writers * perWriter; round++) {
        for (int writer = 0; writer < writers; writer++) {
          int upTo = done.get(writer);
          if (upTo > 0 && store.find("W" + writer + "-" + (round % upTo)).isEmpty()) {
            missed.incrementAndGet();
          }
        }
      }
      return null;
    });

    runTogether(tasks);

    assertThat(missed).hasValue(0);
    assertThat(store.findByProcess("p")).hasSize(writers * perWriter);
    for (int writer = 0; writer < writers; writer++) {
      for (int i = 0; i < perWriter; i++) {
        assertThat(store.find("W" + writer + "-" + i)).isPresent();
      }
    }
  }

  @Test
  void letsExactlyOneOfRacingInsertsOfAnIdSucceed() throws Exception {
    int threads = 4;
    int ids = 10_000;
    AtomicIntegerArray wins = new AtomicIntegerArray(ids);
    AtomicInteger refused = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      tasks.add(() -> {
        for (int i = 0; i < ids; i++) {
          try {
            store.insert(fresh("D-" + i));
            wins.incrementAndGet(i);
          } catch (DuplicateDealException expected) {
            refused.incrementAndGet();
          }
        }
        return null;
      });
    }

    runTogether(tasks);

    for (int i = 0; i < ids; i++) {
      assertThat(wins.get(i)).as("inserts of D-%d that succeeded", i).isEqualTo(1);
    }
    assertThat(refused).hasValue((threads - 1) * ids);
    assertThat(store.findByProcess("p")).hasSize(ids);
  }

  @Test
  void losesNoAppendWhenThreadsAppendToOneDealWhileTheTableGrows() throws Exception {
    int appenders = 4;
    int attempts = 20_000;
    Deal deal = fresh("D-shared");
    store.insert(deal);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger conflicts = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < appenders; t++) {
      tasks.add(() -> {
        for (int i = 0; i < attempts; i++) {
          Deal next = advanced(store.find("D-shared").orElseThrow());
          try {
            store.append(next, next.lastTransition().orElseThrow());
            accepted.incrementAndGet();
          } catch (DealVersionConflictException expected) {
            conflicts.incrementAndGet();
          }
        }
        return null;
      });
    }
    tasks.add(() -> { // grows the table under the appends, many times
      for (int i = 0; i < 30_000; i++) {
        store.insert(fresh("G-" + i));
      }
      return null;
    });

    runTogether(tasks);

    Deal stored = store.find("D-shared").orElseThrow();
    assertThat(accepted.get() + conflicts.get()).isEqualTo(appenders * attempts);
    assertThat(stored.version()).as("every accepted append is in the deal").isEqualTo(accepted.get());
    assertThat(stored.history().size()).isEqualTo(accepted.get());
    assertThat(store.findByProcess("p")).hasSize(30_001);
  }

  /** Starts the tasks at the same moment on threads of their own and waits for all, rethrowing any failure. */
  private static void runTogether(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> running = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        running.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      for (Future<Void> future : running) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
