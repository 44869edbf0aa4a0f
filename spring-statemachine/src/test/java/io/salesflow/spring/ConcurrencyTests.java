package io.salesflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.testkit.ManualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Eight threads firing at the same deals on an engine with fewer machines than threads: no accepted transition is
 * lost or applied twice, and every result is what the table engine gives. (The contract suite's concurrency test,
 * until the testkit's suite runs here.)
 */
class ConcurrencyTests {
  private static final int THREADS = 8;
  private static final int EVENTS_PER_THREAD = 150;
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void eightThreadsOnOneDealLoseNoTransition() throws Exception {
    SalesProcess process = TestProcesses.inboundDemo();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(3);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try (DealEngine spring = compiler.engine().clock(Clock.fixed(T0, ZoneOffset.UTC)).process(process)
        .maxAttempts(10_000).build()) {
      spring.start("shared", process.id());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<FireResult>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        ContactChannel channel = ContactChannel.values()[t % ContactChannel.values().length];
        futures.add(threads.submit(() -> {
          go.await();
          List<FireResult> results = new ArrayList<>();
          for (int i = 0; i < EVENTS_PER_THREAD; i++) {
            results.add(spring.fire("shared", new SalesEvent.FollowUpLogged(T0, channel, FollowUpOutcome.RESPONDED)));
          }
          return results;
        }));
      }
      go.countDown();
      List<Long> versions = new ArrayList<>();
      for (Future<List<FireResult>> future : futures) {
        for (FireResult result : future.get()) {
          assertThat(result.isAccepted()).as("%s", result).isTrue();
          versions.add(((FireResult.Accepted) result).transition().version());
        }
      }

      Deal deal = spring.get("shared");
      assertThat(deal.version()).isEqualTo(THREADS * EVENTS_PER_THREAD);
      assertThat(deal.history().asList()).extracting(TransitionRecord::version)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, THREADS * EVENTS_PER_THREAD)
              .boxed().toList());
      assertThat(versions).doesNotHaveDuplicates().hasSize(THREADS * EVENTS_PER_THREAD);
      assertThat(deal.facts().followUps().count()).isEqualTo(THREADS * EVENTS_PER_THREAD);
    } finally {
      threads.shutdownNow();
    }
    assertThat(compiler.compiled(process.id()).machinesCreated()).isBetween(1, 3);
  }

  @Test
  void eightThreadsWalkingTheirOwnDealsGetTheTableEnginesResults() throws Exception {
    List<SalesProcess> processes = TestProcesses.all();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(3);
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try (DealEngine first = compiler.engine().processes(processes).build()) {
      assertThat(first.processes()).hasSize(processes.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<EngineDriver.Tally>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(threads.submit(() -> {
          ManualClock clock = ManualClock.startingAt(T0);
          DealEngine table = DealEngine.tableEngine().clock(clock).processes(processes).build();
          DealEngine spring = DealEngine.builder(PoolBoundTests.reusing(compiler)).clock(clock)
              .processes(processes).build();
          EngineDriver.Tally tally = new EngineDriver.Tally();
          java.util.SplittableRandom seeds = new java.util.SplittableRandom(1000 + thread);
          go.await();
          for (int d = 0; d < 40; d++) {
            SalesProcess process = processes.get(d % processes.size());
            EngineDriver.walk(process, "T" + thread + "-" + d, seeds.nextLong(), table, spring, clock, tally, 15);
          }
          return tally;
        }));
      }
      go.countDown();
      long steps = 0;
      for (Future<EngineDriver.Tally> future : futures) {
        steps += future.get().steps;
      }
      assertThat(steps).isGreaterThan(THREADS * 40L);
    } finally {
      threads.shutdownNow();
    }
    for (SalesProcess process : processes) {
      assertThat(compiler.compiled(process.id()).machinesCreated()).isBetween(1, 3);
      assertThat(compiler.compiled(process.id()).machinesDiscarded()).isZero();
    }
  }
}
