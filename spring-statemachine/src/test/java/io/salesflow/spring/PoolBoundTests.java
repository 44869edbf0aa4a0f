package io.salesflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.GuardContext;
import io.salesflow.SalesProcess;
import io.salesflow.engine.CompiledProcess;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import io.salesflow.testkit.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The pool stays bounded however many deals run, and deals that reached won or lost leave every pooled machine
 * working: later deals still decide exactly as on the table engine.
 */
class PoolBoundTests {
  private static final int POOL_SIZE = 3;
  private static final int THREADS = 4;
  private static final int DEALS = 10_000;

  @Test
  void tenThousandDealsRunOnAtMostThePoolSizeOfMachinesPerProcess() throws Exception {
    List<SalesProcess> processes = TestProcesses.all();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(POOL_SIZE);
    // One engine pair per thread, so that each thread's deals follow its own clock; every Spring engine decides on
    // the pools this compiler made for the first one, the object under test.
    List<Future<EngineDriver.Tally>> results = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try (DealEngine first = compiler.engine().processes(processes).build()) {
      assertThat(first.name()).isEqualTo("spring-statemachine");
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(threads.submit(() -> {
          ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-02T09:00:00Z"));
          DealEngine table = DealEngine.tableEngine().clock(clock).processes(processes).build();
          DealEngine spring = DealEngine.builder(reusing(compiler)).clock(clock).processes(processes).build();
          EngineDriver.Tally tally = new EngineDriver.Tally();
          SplittableRandom seeds = new SplittableRandom(thread);
          for (int d = thread; d < DEALS; d += THREADS) {
            SalesProcess process = processes.get(d % processes.size());
            EngineDriver.walk(process, "D-" + d, seeds.nextLong(), table, spring, clock, tally, 10);
          }
          return tally;
        }));
      }
      long terminalEntries = 0;
      for (Future<EngineDriver.Tally> result : results) {
        terminalEntries += result.get().terminalEntries;
      }
      assertThat(terminalEntries).as("deals that reached won or lost").isGreaterThan(DEALS / 5);

      for (SalesProcess process : processes) {
        SpringCompiledProcess compiled = compiler.compiled(process.id());
        assertThat(compiled.machinesCreated()).as(process.id()).isBetween(1, POOL_SIZE);
        assertThat(compiled.machinesDiscarded()).as(process.id()).isZero();
      }
      assertThat(compiler.machinesCreated()).isLessThanOrEqualTo((long) POOL_SIZE * processes.size());

      // Later deals on the same pooled machines still decide exactly as on the table engine.
      ManualClock clock = ManualClock.startingAt(Instant.parse("2027-01-04T09:00:00Z"));
      DealEngine table = DealEngine.tableEngine().clock(clock).processes(processes).build();
      DealEngine spring = DealEngine.builder(reusing(compiler)).clock(clock).processes(processes).build();
      EngineDriver.Tally tally = new EngineDriver.Tally();
      SplittableRandom seeds = new SplittableRandom(99);
      for (int d = 0; d < 300; d++) {
        SalesProcess process = processes.get(d % processes.size());
        EngineDriver.walk(process, "L-" + d, seeds.nextLong(), table, spring, clock, tally);
      }
      assertThat(tally.outcomesReached).contains("WON", "LOST");
      assertThat(compiler.machinesCreated()).isLessThanOrEqualTo((long) POOL_SIZE * processes.size());
    } finally {
      threads.shutdownNow();
    }
  }

  /** A compiler that hands out the processes {@code compiler} already compiled, so several engines share pools. */
  static ProcessCompiler reusing(SpringStatemachineCompiler compiler) {
    return new ProcessCompiler() {
      @Override
      public String engineName() {
        return compiler.engineName();
      }

      @Override
      public CompiledProcess compile(SalesProcess process) {
        SpringCompiledProcess compiled = compiler.compiled(process.id());
        return new CompiledProcess() {
          @Override
          public SalesProcess process() {
            return compiled.process();
          }

          @Override
          public Decision decide(GuardContext context) {
            return compiled.decide(context);
          }
        };
      }
    };
  }
}
