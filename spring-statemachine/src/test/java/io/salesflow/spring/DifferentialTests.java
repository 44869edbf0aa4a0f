package io.salesflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.DealFacts;
import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.guard.SalesGuards;
import io.salesflow.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random event walks run on the table engine and on the Spring Statemachine engine side by side give the same
 * result at every step: accepted or rejected, rejection kind, reasons, target stage, facts, history and version.
 */
class DifferentialTests {
  private static final int WALKS_PER_PROCESS = 600;

  /**
   * The custom processes of this module's tests, then every process of the catalog, and the eight-step process
   * qualifying on a MEDDPICC scorecard.
   */
  static Stream<SalesProcess> processes() {
    return Stream.concat(Stream.concat(TestProcesses.all().stream(), SalesCatalog.all().stream()),
        Stream.of(SalesCatalog.withQualification(SalesCatalog.eightStep(),
            SalesGuards.scorecardAllConfirmed(DealFacts.Scorecard.Framework.MEDDPICC))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void springEngineDecidesEveryStepLikeTheTableEngine(SalesProcess process) {
    ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-02T09:00:00Z"));
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(2);
    EngineDriver.Tally tally = new EngineDriver.Tally();
    try (DealEngine table = DealEngine.tableEngine().clock(clock).process(process).build();
        DealEngine spring = compiler.engine().clock(clock).process(process).build()) {
      SplittableRandom seeds = new SplittableRandom(process.id().hashCode());
      for (int walk = 0; walk < WALKS_PER_PROCESS; walk++) {
        EngineDriver.walk(process, "D-" + walk, seeds.nextLong(), table, spring, clock, tally);
      }
    }

    // Random payloads rarely meet every condition of a long catalog process: all of ours, nine in ten of those.
    boolean ours = TestProcesses.all().stream().anyMatch(p -> p.id().equals(process.id()));
    long taken = process.transitions().stream().filter(tally.taken::contains).count();
    assertThat((double) taken / process.transitions().size()).as("share of transitions taken: %s; never taken: %s",
        tally, process.transitions().stream().filter(t -> !tally.taken.contains(t)).toList())
        .isGreaterThanOrEqualTo(ours ? 1.0 : 0.9);
    assertThat(tally.byKind).as("%s", tally)
        .containsKeys("NO_TRANSITION", "GUARD_DENIED", "TERMINAL_STAGE", "UNKNOWN_EVENT_TYPE", "STALE_VERSION");
    assertThat(tally.outcomesReached).as("%s", tally).contains("WON", "LOST");
    assertThat(compiler.compiled(process.id()).machinesCreated()).isEqualTo(1);
    assertThat(compiler.compiled(process.id()).machinesDiscarded()).isZero();
  }

  /** Every process of {@link #processes()} with a plan to an unchanged version 2, and one plan that changes a lot. */
  static Stream<SalesProcess.MigrationPlan> plans() {
    Stream<SalesProcess.MigrationPlan> unchanged = processes().map(process -> SalesProcess.MigrationPlan
        .builder(process, process.toBuilder().version(2).build()).build());
    return Stream.concat(unchanged, Stream.of(TestProcesses.inboundDemoPlan()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void springEngineDecidesLikeTheTableEngineThroughOverridesOwnersAndMigrations(SalesProcess.MigrationPlan plan) {
    ManualClock clock = ManualClock.startingAt(Instant.parse("2026-11-02T09:00:00Z"));
    SpringStatemachineCompiler compiler = SpringStatemachineCompiler.create(2);
    EngineDriver.Tally tally = new EngineDriver.Tally();
    try (DealEngine table = DealEngine.tableEngine().clock(clock).process(plan.from()).process(plan.to()).build();
        DealEngine spring = compiler.engine().clock(clock).process(plan.from()).process(plan.to()).build()) {
      SplittableRandom seeds = new SplittableRandom(plan.processId().hashCode() + 2);
      for (int walk = 0; walk < WALKS_PER_PROCESS / 2; walk++) {
        EngineDriver.walk(plan.from(), plan, "A-" + walk, seeds.nextLong(), table, spring, clock, tally, 42);
      }
    }

    assertThat(List.of(tally.overrides, tally.migrations, tally.ownersAssigned)).as("%s", tally)
        .allSatisfy(count -> assertThat(count).isGreaterThan(20L));
    assertThat(tally.keyedAdministrative).as("%s", tally).isGreaterThan(20L);
    assertThat(compiler.compiled(plan.processId(), 1).machinesCreated()).isEqualTo(1);
    assertThat(compiler.compiled(plan.processId(), 2).machinesCreated()).isEqualTo(1);
    assertThat(compiler.compiled(plan.processId())).isSameAs(compiler.compiled(plan.processId(), 2));
    assertThat(compiler.machinesCreated()).isEqualTo(2);
  }
}
