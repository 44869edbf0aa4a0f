package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessGraphTests {
  static final SalesProcess PROCESS = SalesProcess.builder("graph")
      .stage(Stage.open("new", "New"))
      .stage(Stage.open("talking", "Talking"))
      .stage(Stage.open("proposal", "Proposal"))
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .initialStage("new")
      .transition("new", EventType.CONTACT_MADE, "talking")
      .internal("talking", EventType.FOLLOW_UP_LOGGED)
      .transition("talking", EventType.PROPOSAL_SENT, "proposal")
      .transition("proposal", EventType.OBJECTION_RAISED, "talking")
      .transition("proposal", EventType.CLOSED_WON, "won")
      .transition("new", EventType.CLOSED_LOST, "lost")
      .transition("talking", EventType.CLOSED_LOST, "lost")
      .transition("proposal", EventType.CLOSED_LOST, "lost")
      .build();

  @Test
  void reachesStagesAlongStageChangingTransitionsNearestFirst() {
    assertThat(PROCESS.graph().reachableFrom("new")).containsExactly("new", "talking", "lost", "proposal", "won");
    assertThat(PROCESS.graph().reachableFrom("proposal")).containsExactly("proposal", "talking", "won", "lost");
    assertThat(PROCESS.graph().reachableFrom("won")).containsExactly("won");
  }

  @Test
  void shortestPathsTakeTheFewestTransitions() {
    Map<String, java.util.List<Transition>> paths = PROCESS.graph().shortestPathsFrom("new");
    assertThat(paths.get("new")).isEmpty();
    assertThat(paths.get("won")).extracting(Transition::event)
        .containsExactly(EventType.CONTACT_MADE, EventType.PROPOSAL_SENT, EventType.CLOSED_WON);
    assertThat(paths.get("lost")).extracting(Transition::event).containsExactly(EventType.CLOSED_LOST);
  }

  @Test
  void distancesCountTransitionsToTheNearestGoalStage() {
    assertThat(PROCESS.graph().distancesTo(EnumSet.of(StageKind.WON)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("won", 0, "proposal", 1, "talking", 2, "new", 3));
    assertThat(PROCESS.graph().distancesTo(EnumSet.noneOf(StageKind.class))).isEmpty();
  }

  @Test
  void namesTheStagesWhenAskedAboutOneTheProcessLacks() {
    assertThatThrownBy(() -> PROCESS.graph().reachableFrom("nowhere")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nowhere'").hasMessageContaining("proposal");
  }
}
