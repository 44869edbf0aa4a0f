package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionGuard;
import org.junit.jupiter.api.Test;

class ProcessInvariantsTests {

  @Test
  void findsNothingWrongWithSoundProcesses() {
    assertThat(ProcessInvariants.structuralViolations(TestProcesses.inbound())).isEmpty();
    assertThat(ProcessInvariants.structuralViolations(TestProcesses.fieldSales())).isEmpty();
    assertThat(ProcessInvariants.structuralViolations(TestProcesses.community())).isEmpty();
  }

  @Test
  void reportsATransitionShadowedByAnUnguardedOneOnTheSameStageAndEvent() {
    SalesProcess shadowed = TestProcesses.inbound().toBuilder()
        .transition("qualified", EventType.PROPOSAL_SENT, "lost", TransitionGuard.of("never reached",
            ctx -> true, "unused"))
        .build();

    assertThat(ProcessInvariants.structuralViolations(shadowed)).singleElement().asString()
        .contains("not deterministic").contains("qualified -> lost on proposal-sent");
    assertThatThrownBy(() -> ProcessInvariants.assertStructurallySound(shadowed))
        .isInstanceOf(AssertionError.class).hasMessageContaining("'inbound' is not structurally sound");
  }
}
