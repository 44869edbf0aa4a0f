package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.TransitionRecord;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.engine.DealEngine;
import io.salesflow.spring.SpringStatemachineCompiler;
import io.salesflow.testkit.FireResultAssert;
import io.salesflow.testkit.ManualClock;
import io.salesflow.testkit.MigrationProperties;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The worked example of a process that changes under live deals, on both engines. */
class ProcessVersionsExampleTests {

  static Stream<Supplier<DealEngine.Builder>> engines() {
    return Stream.of(DealEngine::tableEngine, SpringStatemachineCompiler::springStatemachineEngine);
  }

  @ParameterizedTest
  @MethodSource("engines")
  void dealsOfEveryStageContinueOnVersionOneUntilThePlanMovesThemAndTheHistorySaysWhoWhyFromAndTo(
      Supplier<DealEngine.Builder> engines) {
    SalesProcess v1 = SalesCatalog.fiveStep();
    SalesProcess v2 = ProcessVersionsExample.fiveStepWithOnboarding();

    ProcessVersionsExample.Outcome outcome = ProcessVersionsExample.run(engines,
        ManualClock.startingAt(Instant.parse("2026-12-01T09:00:00Z")));

    assertThat(outcome.before().values()).extracting(Deal::stage).containsAll(
        v1.stages(StageKind.OPEN, StageKind.POST_SALE).stream().map(Stage::id).toList()).contains("lost", "customer");
    assertThat(outcome.before().values()).allSatisfy(deal -> assertThat(deal.processVersion()).isEqualTo(1));
    assertThat(outcome.fresh().processVersion()).isEqualTo(2);
    assertThat(outcome.fresh().startedBy()).isEqualTo("web-form");
    FireResultAssert.assertThat(outcome.stillOnVersionOne()).movedTo("handling-objections");
    assertThat(outcome.stillOnVersionOne().deal().processVersion()).isEqualTo(1);

    assertThat(outcome.progress().finished()).isTrue();
    assertThat(outcome.progress().migrated()).isEqualTo(outcome.before().size());
    assertThat(outcome.progress().refused()).isEmpty();
    outcome.after().forEach((id, deal) -> {
      String was = outcome.before().get(id).stage();
      String expected = id.equals("D-presentation") ? "handling-objections"
          : was.equals("post-sale") ? "onboarding" : was;
      assertThat(deal.stage()).as(id).isEqualTo(expected);
      assertThat(v2.findStage(deal.stage())).as(id).isPresent();
      assertThat(deal.processVersion()).as(id).isEqualTo(2);
      TransitionRecord migration = deal.lastTransition().orElseThrow();
      assertThat(migration.actor()).as(id).isEqualTo(ProcessVersionsExample.OPS);
      assertThat(migration.event()).as(id).isInstanceOfSatisfying(SalesEvent.DealMigrated.class, e -> {
        assertThat(e.reason()).isEqualTo(ProcessVersionsExample.WHY);
        assertThat(List.of(e.fromVersion(), e.toVersion())).containsExactly(1, 2);
      });
    });
    assertThat(((SalesEvent.DealMigrated) outcome.after().get("D-closing").lastTransition().orElseThrow().event())
        .exceptions()).containsExactly("amount: required but not set, to enter 'closing'");
    assertThat(outcome.history()).hasSize(4);
    assertThat(outcome.history().get(2)).contains("post-sale -> onboarding on deal-migrated", "by ops-ann");
    assertThat(outcome.history().get(3)).isEqualTo("1 -> 2: " + ProcessVersionsExample.WHY);

    TransitionRecord override = outcome.override().transition();
    assertThat(List.of(override.from(), override.to(), override.actor())).containsExactly("qualification",
        "presentation", "manager-max");
    assertThat(override.event()).isInstanceOfSatisfying(SalesEvent.StageOverridden.class,
        e -> assertThat(e.reason()).contains("CFO"));
    assertThat(outcome.fresh().owner()).isEqualTo("rep-bob");
    assertThat(outcome.fresh().lastTransition().orElseThrow().eventType()).isEqualTo(EventType.OWNER_ASSIGNED);
    assertThat(outcome.report().stage("qualification").overridden()).isEqualTo(1);
    assertThat(outcome.report().overrides()).isEqualTo(1);
    assertThat(outcome.report().stage("qualification").reachedLaterStage())
        .as("D-100 reached presentation by the override only").isZero();
    assertThat(FunnelPrinter.table(outcome.report()).lines().findFirst().orElseThrow()).contains("lost overr.");
    assertThat(FunnelPrinter.table(DocsGenerator.funnel(SalesCatalog.fiveStep()))).doesNotContain("overr.");
  }

  @ParameterizedTest
  @MethodSource("engines")
  void thePlanMovesRandomFiveStepDealsOfEveryStageWhereItSays(Supplier<DealEngine.Builder> engines) {
    SalesProcess.MigrationPlan plan = SalesProcess.MigrationPlan.builder(SalesCatalog.fiveStep(),
        ProcessVersionsExample.fiveStepWithOnboarding()).map("post-sale", "onboarding")
        .missingFields(SalesProcess.MigrationPlan.MissingFields.MOVE_WITH_EXCEPTION).build();

    MigrationProperties.forPlan(plan).engine((clock, store, processes) -> engines.get().clock(clock).store(store)
        .processes(processes).build()).deals(120).seed(20_261_201L).check();
  }

  @Test
  void runsAsAProgram() {
    assertThatNoException().isThrownBy(() -> ProcessVersionsExample.main(new String[0]));
  }
}
