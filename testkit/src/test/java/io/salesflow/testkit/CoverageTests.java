package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.engine.FireResult.RejectionKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the walks of a check covered, and a floor under it. */
class CoverageTests {
  private static final long SEED = 11L;

  @Test
  void reportsStagesTransitionsGuardVerdictsAndRejectionKinds() {
    SalesProcess process = TestProcesses.fieldSales();

    Coverage coverage = ProcessProperties.forProcess(process).seed(SEED).check();

    assertThat(coverage.processId()).isEqualTo("field-sales");
    assertThat(coverage.walks()).isEqualTo(300);
    assertThat(coverage.events()).isGreaterThan(300);
    assertThat(coverage.stagesVisited()).containsExactly("prospecting", "contacted", "presenting",
        "objection-handling", "closing", "onboarding", "customer", "lost");
    assertThat(coverage.stagesNeverVisited()).isEmpty();
    assertThat(coverage.reached(StageKind.WON)).isTrue();
    assertThat(coverage.reached(StageKind.LOST)).isTrue();
    assertThat(coverage.transitionsNeverTaken()).isEmpty();
    assertThat(coverage.transitionShare()).isEqualTo(1.0);
    assertThat(coverage.guardedTransitions()).hasSize(4);
    for (Transition guarded : coverage.guardedTransitions()) {
      assertThat(coverage.timesAllowed(guarded)).as("%s allowed", guarded).isPositive();
      assertThat(coverage.timesDenied(guarded)).as("%s denied", guarded).isPositive();
    }
    assertThat(coverage.guardVerdictShare()).isEqualTo(1.0);
    assertThat(coverage.rejections()).containsOnlyKeys(RejectionKind.NO_TRANSITION, RejectionKind.GUARD_DENIED,
        RejectionKind.TERMINAL_STAGE, RejectionKind.UNKNOWN_EVENT_TYPE);
    assertThat(coverage.shortfalls(Coverage.Floor.everything())).isEmpty();
    assertThat(coverage.toString())
        .startsWith("coverage of process 'field-sales' by 300 walks of " + coverage.events() + " events in all:")
        .contains("stages visited: 8 of 8 (100%)")
        .contains("contacted -> lost on closed-lost [five follow-ups before no-response]: allowed ")
        .contains("rejections: NO_TRANSITION ");
  }

  @Test
  void countsTheDefinitionsDecisionsOnAGivenWalk() {
    SalesProcess process = TestProcesses.inbound();
    SalesEvent followUp = new SalesEvent.FollowUpLogged(WalkRunner.EPOCH.plusSeconds(60),
        SalesEvent.ContactChannel.EMAIL, SalesEvent.FollowUpOutcome.NO_RESPONSE);
    SalesEvent unqualified = new SalesEvent.QualificationAssessed(WalkRunner.EPOCH.plusSeconds(120),
        io.salesflow.BantAssessment.unknown());
    SalesEvent won = new SalesEvent.ClosedWon(WalkRunner.EPOCH.plusSeconds(180), java.math.BigDecimal.TEN);

    Coverage coverage = ProcessProperties.forProcess(process).checkWalk(java.util.List.of(followUp, unqualified, won));

    Transition qualification = process.transitions("new", EventType.QUALIFICATION_ASSESSED).get(0);
    assertThat(coverage.walks()).isEqualTo(1);
    assertThat(coverage.events()).isEqualTo(3);
    assertThat(coverage.stagesVisited()).containsExactly("new");
    assertThat(coverage.transitionsTaken()).containsExactly(process.transitions("new", EventType.FOLLOW_UP_LOGGED)
        .get(0));
    assertThat(coverage.timesDenied(qualification)).isEqualTo(1);
    assertThat(coverage.timesAllowed(qualification)).isZero();
    assertThat(coverage.guardsNeverAllowing()).containsExactly(qualification);
    assertThat(coverage.rejections()).isEqualTo(Map.of(RejectionKind.GUARD_DENIED, 1,
        RejectionKind.NO_TRANSITION, 1));
    assertThat(coverage.guardVerdictShare()).isEqualTo(0.5);
  }

  @Test
  void failsAPropertyWhoseWalksCoverLessThanItsFloor() {
    ProcessProperties properties = ProcessProperties.forProcess(CustomPayloadsTests.tiered()).seed(SEED).walks(50)
        .requireCoverage(Coverage.Floor.everything());

    assertThatThrownBy(properties::check).isInstanceOf(AssertionError.class).isNotInstanceOf(WalkFailure.class)
        .hasMessageContaining("process 'tiered': all 50 walks (run seed 11) passed, but covered less than required")
        .hasMessageContaining("guard verdicts seen: 50%, below 100%; never allowing: [trial -> customer on bought"
            + " [tier known]]")
        .hasMessageContaining("stages visited: 67%, below 100%; never visited: [customer]")
        .hasMessageContaining("Give payload() generators that meet the guards");
  }

  @Test
  void passesAPropertyWhoseWalksReachItsFloor() {
    Coverage coverage = ProcessProperties.forProcess(CustomPayloadsTests.tiered()).seed(SEED).walks(50)
        .payload(CustomPayloadsTests.SCORED, (at, random) -> new SalesEvent.Custom(CustomPayloadsTests.SCORED, at,
            Map.of("tier", "gold")))
        .requireCoverage(Coverage.Floor.everything()).check();

    assertThat(coverage.guardVerdictShare()).isEqualTo(1.0);
  }

  @Test
  void refusesAFloorOutsideZeroToOne() {
    assertThatThrownBy(() -> new Coverage.Floor(1.5, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stages must be a share between 0 and 1, but was 1.5");
    assertThatThrownBy(() -> new Coverage.Floor(0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transitions");
  }
}
