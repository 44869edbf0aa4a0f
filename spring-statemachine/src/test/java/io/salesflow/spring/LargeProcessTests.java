package io.salesflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionGuard;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.testkit.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A process of more than {@link MachinePool#WHOLE_MODEL_TRANSITIONS} transitions runs on machines of one stage's
 * neighbourhood each: it decides exactly as the table engine does, its idle machines stay bounded however many
 * stages deals visit, and its pool still bounds the machines in use at once across all stages, with the same
 * timeout.
 */
class LargeProcessTests {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void decidesEveryStepLikeTheTableEngineOnMachinesOfOneStageEach() {
    SalesProcess process = TestProcesses.large(12);
    assertThat(process.transitions().size()).isGreaterThan(MachinePool.WHOLE_MODEL_TRANSITIONS);
    ManualClock clock = ManualClock.startingAt(T0);
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(2);
    EngineDriver.Tally tally = new EngineDriver.Tally();
    try (DealEngine table = DealEngine.tableEngine().clock(clock).process(process).build();
        DealEngine spring = compiler.engine().clock(clock).process(process).build()) {
      SplittableRandom seeds = new SplittableRandom(7);
      for (int walk = 0; walk < 500; walk++) {
        EngineDriver.walk(process, "D-" + walk, seeds.nextLong(), table, spring, clock, tally);
      }
    }

    long taken = process.transitions().stream().filter(tally.taken::contains).count();
    assertThat((double) taken / process.transitions().size()).as("share of transitions taken: %s", tally)
        .isGreaterThanOrEqualTo(0.9);
    assertThat(tally.byKind).as("%s", tally).containsKeys("NO_TRANSITION", "GUARD_DENIED", "TERMINAL_STAGE");
    assertThat(tally.outcomesReached).as("%s", tally).contains("WON", "LOST");
    SpringCompiledProcess compiled = compiler.compiled(process.id());
    // machines of one stage each decided: more machines than a whole-model pool of 2 would ever create
    assertThat(compiled.machinesCreated()).isGreaterThan(2).isLessThanOrEqualTo(2 * process.stages().size());
    assertThat(compiled.machinesDiscarded()).isZero();
  }

  @Test
  void keepsIdleMachinesOfAtMostSixtyFourStagesAndDecidesAgainOnStagesItDropped() {
    SalesProcess process = TestProcesses.large(100);
    List<String> customized = new ArrayList<>();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1)
        .withMachineCustomizer(machine -> customized.add(machine.getId()));
    ManualClock clock = ManualClock.startingAt(T0);
    try (DealEngine table = DealEngine.tableEngine().clock(clock).process(process).build();
        DealEngine spring = compiler.engine().clock(clock).process(process).build()) {
      for (DealEngine engine : List.of(table, spring)) {
        engine.start("D-1", process.id());
        engine.start("D-2", process.id());
      }
      // twice round the chain of 100 extra stages and back: 202 referrals, each from another stage
      for (int i = 0; i < 202; i++) {
        SalesEvent referral = new SalesEvent.ReferralReceived(clock.instant(), "D-2");
        FireResult want = table.fire("D-1", referral);
        assertThat(spring.fire("D-1", referral)).isEqualTo(want);
        assertThat(want.isAccepted()).isTrue();
      }
      SpringCompiledProcess compiled = compiler.compiled(process.id());
      assertThat(compiled.machinesIdle()).isEqualTo(MachinePool.STAGES_KEPT);
      // the second round found every stage dropped again: one machine per stage and round
      assertThat(compiled.machinesCreated()).isEqualTo(202);
      assertThat(customized).hasSize(202).containsOnly(process.id());

      // a stage whose machines were dropped decides again, exactly like the table engine
      SalesEvent lost = new SalesEvent.ClosedLost(clock.instant(), SalesEvent.LossReason.PRICE);
      assertThat(spring.fire("D-2", lost)).isEqualTo(table.fire("D-2", lost));
      assertThat(spring.get("D-2").stage()).isEqualTo("lost");
      assertThat(compiled.machinesIdle()).isEqualTo(MachinePool.STAGES_KEPT);
      assertThat(compiled.machinesDiscarded()).isZero();
    }
  }

  @Test
  void aThreadWaitsForAMachineOfAnyStageAndTimesOut() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    TransitionGuard gate = TransitionGuard.of("gate", context -> {
      entered.countDown();
      try {
        return open.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }, "gate: closed");
    SalesProcess process = TestProcesses.large(30).toBuilder()
        .transition("extra-5", EventType.CLOSED_WON, "won", gate).build();
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(1)
        .withAcquireTimeout(Duration.ofMillis(50));
    ExecutorService holder = Executors.newSingleThreadExecutor();
    try (DealEngine engine = compiler.engine().process(process).build()) {
      engine.start("D-1", process.id(), io.salesflow.DealFacts.none(), "extra-5");
      engine.start("D-2", process.id(), io.salesflow.DealFacts.none(), "extra-9");
      Future<FireResult> holding = holder.submit(() -> engine.fire("D-1",
          new SalesEvent.ClosedWon(T0, BigDecimal.TEN, null)));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(compiler.compiled(process.id()).machinesInUse()).isEqualTo(1);

      // another stage, another machine model: the pool of one machine is still in use
      assertThatThrownBy(() -> engine.fire("D-2", new SalesEvent.ClosedLost(T0, SalesEvent.LossReason.PRICE)))
          .isInstanceOf(PoolTimeoutException.class)
          .hasMessageContaining("within 50 ms")
          .hasMessageContaining("all 1 machine of the Spring Statemachine pool of process 'large-pipeline' are in use");
      assertThat(engine.get("D-2").stage()).isEqualTo("extra-9");
      assertThat(engine.get("D-2").version()).isZero();

      open.countDown();
      assertThat(holding.get(30, TimeUnit.SECONDS).deal().stage()).isEqualTo("won");
      assertThat(engine.fire("D-2", new SalesEvent.ClosedLost(T0, SalesEvent.LossReason.PRICE)).deal().stage())
          .isEqualTo("lost");
      assertThat(compiler.compiled(process.id()).machinesInUse()).isZero();
    } finally {
      open.countDown();
      holder.shutdownNow();
    }
  }
}
