package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.InvalidProcessException.Problem;
import io.salesflow.InvalidProcessException.Problem.Rule;
import org.junit.jupiter.api.Test;

class ProcessValidationTests {

  private static SalesProcess.Builder valid() {
    return SalesProcess.builder("tiny")
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("talking", "Talking"))
        .stage(Stage.won("won", "Won"))
        .stage(Stage.lost("lost", "Lost"))
        .initialStage("new")
        .transition("new", EventType.CONTACT_MADE, "talking")
        .transition("talking", EventType.CLOSED_WON, "won")
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("talking", EventType.CLOSED_LOST, "lost");
  }

  private static InvalidProcessException invalid(SalesProcess.Builder builder) {
    return catchThrowableOfType(InvalidProcessException.class, builder::build);
  }

  @Test
  void buildsAValidProcess() {
    SalesProcess process = valid().build();
    assertThat(process.stages()).extracting(Stage::id).containsExactly("new", "talking", "won", "lost");
    assertThat(process.transitions("new", EventType.CONTACT_MADE)).singleElement()
        .extracting(Transition::target).isEqualTo("talking");
  }

  @Test
  void reportsAMissingInitialStage() {
    SalesProcess.Builder builder = SalesProcess.builder("tiny")
        .stage(Stage.open("new", "New")).stage(Stage.won("won", "Won"))
        .transition("new", EventType.CLOSED_WON, "won");
    assertThat(invalid(builder).problems()).extracting(Problem::rule).containsExactly(Rule.MISSING_INITIAL_STAGE);
  }

  @Test
  void reportsAnInitialStageTheProcessDoesNotHave() {
    InvalidProcessException e = invalid(valid().initialStage("nowhere"));
    assertThat(e.problems()).extracting(Problem::rule).contains(Rule.MISSING_INITIAL_STAGE);
    assertThat(e.getMessage()).contains("'nowhere'");
  }

  @Test
  void reportsATransitionToAnUnknownStage() {
    InvalidProcessException e = invalid(valid().transition("talking", EventType.PROPOSAL_SENT, "proposal"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.UNKNOWN_STAGE);
      assertThat(p.stages()).containsExactly("proposal");
      assertThat(p.events()).containsExactly(EventType.PROPOSAL_SENT);
      assertThat(p.message()).contains("'proposal'", "proposal-sent");
    });
  }

  @Test
  void reportsAProcessWithoutAWonStage() {
    SalesProcess.Builder builder = SalesProcess.builder("tiny")
        .stage(Stage.open("new", "New")).stage(Stage.lost("lost", "Lost"))
        .initialStage("new").transition("new", EventType.CLOSED_LOST, "lost");
    assertThat(invalid(builder).problems()).extracting(Problem::rule).containsExactly(Rule.NO_WON_STAGE);
  }

  @Test
  void reportsAnUnreachableStage() {
    InvalidProcessException e = invalid(valid().stage(Stage.open("orphan", "Orphan"))
        .transition("orphan", EventType.CLOSED_LOST, "lost"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.UNREACHABLE_STAGE);
      assertThat(p.stages()).containsExactly("orphan");
    });
  }

  @Test
  void reportsAnOpenStageThatCannotReachAnOutcome() {
    InvalidProcessException e = invalid(valid().stage(Stage.open("limbo", "Limbo"))
        .transition("talking", EventType.PRESENTATION_DELIVERED, "limbo"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.NO_OUTCOME_REACHABLE);
      assertThat(p.stages()).containsExactly("limbo");
    });
  }

  @Test
  void reportsATransitionOutOfATerminalStage() {
    InvalidProcessException e = invalid(valid().transition("lost", EventType.CONTACT_MADE, "new"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.TRANSITION_FROM_TERMINAL_STAGE);
      assertThat(p.stages()).containsExactly("lost");
      assertThat(p.events()).containsExactly(EventType.CONTACT_MADE);
    });
  }

  @Test
  void reportsAnInternalTransitionInATerminalStage() {
    assertThat(invalid(valid().internal("won", EventType.FOLLOW_UP_LOGGED)).problems())
        .extracting(Problem::rule).containsExactly(Rule.TRANSITION_FROM_TERMINAL_STAGE);
  }

  @Test
  void reportsTwoUnguardedTransitionsOnTheSameEventFromTheSameStage() {
    InvalidProcessException e = invalid(valid().transition("new", EventType.CONTACT_MADE, "lost"));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.AMBIGUOUS_TRANSITIONS);
      assertThat(p.stages()).containsExactly("new");
      assertThat(p.events()).containsExactly(EventType.CONTACT_MADE);
      assertThat(p.message()).contains("'talking'", "'lost'");
    });
  }

  @Test
  void acceptsSeveralTransitionsOnOneEventWhenTheGuardedOnesComeFirst() {
    SalesProcess process = valid().removeTransitions("new", EventType.CONTACT_MADE)
        .transition("new", EventType.CONTACT_MADE, "lost", TransitionGuard.of("never", ctx -> false, "never: denied"))
        .transition("new", EventType.CONTACT_MADE, "talking").build();
    assertThat(process.transitions("new", EventType.CONTACT_MADE)).extracting(Transition::target)
        .containsExactly("lost", "talking");
  }

  @Test
  void reportsAGuardedTransitionListedAfterAnUnguardedOneThatAlwaysWins() {
    InvalidProcessException e = invalid(valid().transition("new", EventType.CONTACT_MADE, "lost",
        TransitionGuard.of("never", ctx -> false, "never: denied")));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.rule()).isEqualTo(Rule.SHADOWED_TRANSITION);
      assertThat(p.stages()).containsExactly("new");
      assertThat(p.events()).containsExactly(EventType.CONTACT_MADE);
      assertThat(p.message()).contains("stage 'new'", "'contact-made'", "new -> talking on contact-made",
          "new -> lost on contact-made [never]", "list the guarded transition first", "guard the unguarded one");
    });
  }

  @Test
  void reportsEveryProblemInOneException() {
    SalesProcess.Builder builder = SalesProcess.builder("broken")
        .stage(Stage.open("new", "New"))
        .stage(Stage.open("orphan", "Orphan"))
        .stage(Stage.lost("lost", "Lost"))
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("new", EventType.CLOSED_LOST, "lost")
        .transition("lost", EventType.CONTACT_MADE, "nowhere");
    InvalidProcessException e = invalid(builder);
    assertThat(e.problems()).extracting(Problem::rule).contains(Rule.MISSING_INITIAL_STAGE,
        Rule.UNKNOWN_STAGE, Rule.NO_WON_STAGE, Rule.NO_OUTCOME_REACHABLE, Rule.TRANSITION_FROM_TERMINAL_STAGE,
        Rule.AMBIGUOUS_TRANSITIONS);
    assertThat(e.getMessage()).startsWith("process 'broken' is invalid (" + e.problems().size() + " problems)");
    assertThat(e.processId()).contains("broken");
  }

  @Test
  void builderRejectsDuplicateStagesAtOnce() {
    assertThatThrownBy(() -> valid().stage(Stage.open("new", "Again")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a stage 'new'");
  }

  @Test
  void builderRejectsBadIdsAtOnce() {
    assertThatThrownBy(() -> SalesProcess.builder("Not Kebab")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Not Kebab'");
    assertThatThrownBy(() -> SalesProcess.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("process id");
    assertThatThrownBy(() -> valid().transition("new", null, "won")).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("event");
  }

  @Test
  void toBuilderRebuildsAChangedCopyAndRevalidates() {
    SalesProcess original = valid().build();
    SalesProcess renamed = original.toBuilder()
        .replaceStage(Stage.open("talking", "In conversation"))
        .stage(Stage.open("proposal", "Proposal"))
        .transition("talking", EventType.PROPOSAL_SENT, "proposal")
        .transition("proposal", EventType.CLOSED_WON, "won")
        .transition("proposal", EventType.CLOSED_LOST, "lost")
        .build();
    assertThat(renamed.stage("talking").name()).isEqualTo("In conversation");
    assertThat(renamed.stages()).extracting(Stage::id).containsExactly("new", "talking", "won", "lost", "proposal");
    assertThat(original.stage("talking").name()).isEqualTo("Talking");
    assertThatThrownBy(() -> original.toBuilder().stage(Stage.open("dead-end", "Dead end"))
        .transition("talking", EventType.TERMS_NEGOTIATED, "dead-end").build())
        .isInstanceOf(InvalidProcessException.class).hasMessageContaining("'dead-end'");
  }
}
