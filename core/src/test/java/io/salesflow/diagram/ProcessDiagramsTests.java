package io.salesflow.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.TransitionGuard;
import io.salesflow.diagram.ProcessDiagrams.Style;
import io.salesflow.guard.SalesGuards;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessDiagramsTests {
  static final SalesProcess PROCESS = SalesProcess.builder("making-contact-demo")
      .name("Making contact demo")
      .stage(Stage.open("making-contact", "Making contact"))
      .stage(Stage.open("presenting", "Presenting"))
      .stage(Stage.postSale("referrals", "Generating referrals"))
      .stage(Stage.won("won", "Won"))
      .stage(Stage.lost("lost", "Lost"))
      .initialStage("making-contact")
      .internal("making-contact", EventType.CONTACT_MADE)
      .transition("making-contact", EventType.PRESENTATION_DELIVERED, "presenting",
          SalesGuards.contactChannelsAtLeast(2))
      .transition("presenting", EventType.CLOSED_WON, "referrals")
      .transition("referrals", EventType.ONBOARDING_DONE, "won")
      .transition("making-contact", EventType.CLOSED_LOST, "lost")
      .transition("presenting", EventType.CLOSED_LOST, "lost")
      .build();

  @Test
  void mermaidHasEveryStageAndTransitionWithGuardLabels() {
    String mermaid = ProcessDiagrams.mermaid(PROCESS);
    assertThat(mermaid).startsWith("stateDiagram-v2\n").contains("[*] --> making_contact");
    for (Stage stage : PROCESS.stages()) {
      assertThat(mermaid).contains("state \"" + stage.name() + "\" as " + stage.id().replace('-', '_'));
    }
    for (Transition t : PROCESS.transitions()) {
      assertThat(mermaid).contains(ProcessDiagrams.id(t.source()) + " --> " + ProcessDiagrams.id(t.target()) + " : "
          + t.event().id());
    }
    assertThat(mermaid).contains("presentation-delivered [2 contact channels]", "contact-made (internal)",
        "class won won", "class lost lost", "class referrals postsale");
  }

  @Test
  void plantUmlHasEveryStageAndTransition() {
    String uml = ProcessDiagrams.plantUml(PROCESS);
    assertThat(uml).startsWith("@startuml\n").endsWith("@enduml\n").contains("state \"Won\" as won <<won>>");
    for (Transition t : PROCESS.transitions()) {
      assertThat(uml).contains(ProcessDiagrams.id(t.source()) + " --> " + ProcessDiagrams.id(t.target()) + " : "
          + ProcessDiagrams.label(t));
    }
  }

  @Test
  void dotHasEveryStageAndTransition() {
    String dot = ProcessDiagrams.dot(PROCESS);
    assertThat(dot).startsWith("digraph \"making-contact-demo\" {");
    for (Stage stage : PROCESS.stages()) {
      assertThat(dot).contains("\"" + stage.id() + "\" [label=\"" + stage.name() + "\"");
    }
    for (Transition t : PROCESS.transitions()) {
      assertThat(dot).contains("\"" + t.source() + "\" -> \"" + t.target() + "\" [label=\""
          + ProcessDiagrams.label(t) + "\"");
    }
    assertThat(dot).contains("style=dashed", "doubleoctagon");
  }

  @Test
  void theMethodsWithoutAStyleDrawTheCompleteDiagram() {
    assertThat(ProcessDiagrams.mermaid(PROCESS)).isEqualTo(ProcessDiagrams.mermaid(PROCESS, Style.COMPLETE));
    assertThat(ProcessDiagrams.plantUml(PROCESS)).isEqualTo(ProcessDiagrams.plantUml(PROCESS, Style.COMPLETE));
    assertThat(ProcessDiagrams.dot(PROCESS)).isEqualTo(ProcessDiagrams.dot(PROCESS, Style.COMPLETE));
  }

  @Test
  void readableDiagramsListInternalEventsInsideTheirStageInsteadOfLoops() {
    String mermaid = ProcessDiagrams.mermaid(PROCESS, Style.READABLE);
    String uml = ProcessDiagrams.plantUml(PROCESS, Style.READABLE);
    String dot = ProcessDiagrams.dot(PROCESS, Style.READABLE);
    assertThat(mermaid).contains("    making_contact : internal: contact-made\n").doesNotContain("(internal)");
    assertThat(uml).contains("\nmaking_contact : internal: contact-made\n").doesNotContain("(internal)");
    assertThat(dot).contains("\"making-contact\" [label=<Making contact<br/><font point-size=\"9\" color=\"#4b5563\">"
        + "internal: contact-made</font>>];").doesNotContain("(internal)");
    for (Stage stage : PROCESS.stages()) {
      String id = ProcessDiagrams.id(stage);
      assertThat(mermaid).doesNotContain("\n    " + id + " --> " + id + " ");
      assertThat(uml).doesNotContain("\n" + id + " --> " + id + " ");
      assertThat(dot).doesNotContain("\"" + stage.id() + "\" -> \"" + stage.id() + "\"");
    }
  }

  @Test
  void readableDiagramsRunTopToBottomWithTheMainPathFirstAndTerminalStagesOnTheBottomRow() {
    String mermaid = ProcessDiagrams.mermaid(PROCESS, Style.READABLE);
    assertThat(mermaid).contains("direction TB").doesNotContain("direction LR", "--> [*]");
    assertThat(mermaid.substring(mermaid.indexOf("[*] -->")).lines().skip(1).limit(3)).containsExactly(
        "    making_contact --> presenting : presentation-delivered<br/>[2 contact channels]",
        "    presenting --> referrals : closed-won",
        "    referrals --> won : onboarding-done");
    assertThat(ProcessDiagrams.plantUml(PROCESS, Style.READABLE)).contains("top to bottom direction",
        "making_contact -down-> presenting : presentation-delivered\\n[2 contact channels]",
        "referrals -down-> won : onboarding-done").doesNotContain("left to right direction", "--> [*]");
    assertThat(ProcessDiagrams.dot(PROCESS, Style.READABLE)).contains("rankdir=TB;",
        "\"presenting\" -> \"referrals\" [label=\"closed-won\", weight=10, penwidth=1.6];",
        "{ rank=sink; \"won\"; \"lost\"; }");
    assertThat(ProcessDiagrams.mainPath(PROCESS)).extracting(Transition::target)
        .containsExactly("presenting", "referrals", "won");
  }

  @Test
  void readableDiagramsDrawARuleSharedBySeveralStagesOnceFromAJunction() {
    String mermaid = ProcessDiagrams.mermaid(PROCESS, Style.READABLE);
    assertThat(mermaid).contains("    state closed_lost_to_lost <<join>>\n", "    making_contact --> closed_lost_to_lost\n",
        "    presenting --> closed_lost_to_lost\n", "    closed_lost_to_lost --> lost : closed-lost\n");
    assertThat(mermaid.split("closed-lost", -1)).hasSize(2);
    assertThat(ProcessDiagrams.plantUml(PROCESS, Style.READABLE)).contains("state closed_lost_to_lost <<join>>\n",
        "making_contact --> closed_lost_to_lost\n", "closed_lost_to_lost --> lost : closed-lost\n");
    assertThat(ProcessDiagrams.dot(PROCESS, Style.READABLE)).contains(
        "\"closed_lost_to_lost\" [shape=point", "\"presenting\" -> \"closed_lost_to_lost\" [arrowhead=none",
        "\"closed_lost_to_lost\" -> \"lost\" [label=\"closed-lost\"");
  }

  @Test
  void readableDiagramsKeepEveryStageChangingTransitionOfTheProcess() {
    String mermaid = ProcessDiagrams.mermaid(PROCESS, Style.READABLE);
    for (ProcessDiagrams.Arrow arrow : ProcessDiagrams.arrows(PROCESS)) {
      String from = arrow.junction().isEmpty() ? ProcessDiagrams.id(arrow.sources().get(0)) : arrow.junction();
      assertThat(mermaid).contains(from + " --> " + ProcessDiagrams.id(arrow.rule().target()) + " : "
          + arrow.rule().event().id());
    }
    assertThat(ProcessDiagrams.arrows(PROCESS).stream().mapToInt(a -> a.sources().size()).sum())
        .isEqualTo(PROCESS.transitions().stream().filter(t -> !t.internal()).count());
  }

  @Test
  void readableGuardLabelsAreWrappedOntoAtMostTwoLinesAndCutPastThat() {
    TransitionGuard verbose = TransitionGuard.of("budget for the project confirmed and BANT: at least 2 of 4 confirmed"
        + " and a signed letter of intent on file", c -> true, "no");
    List<String> label = ProcessDiagrams.readableLabel(Transition.external("a", EventType.CLOSED_WON, "b", verbose));
    assertThat(label).hasSize(3).first().isEqualTo("closed-won");
    assertThat(label.get(1)).startsWith("[budget for the project");
    assertThat(label.get(2)).endsWith(" …]");
    assertThat(label.subList(1, 3)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(
        ProcessDiagrams.LINE + 2));
    assertThat(ProcessDiagrams.readableLabel(Transition.external("a", EventType.CLOSED_WON, "b",
        SalesGuards.contactChannelsAtLeast(2)))).containsExactly("closed-won", "[2 contact channels]");
  }

  @Test
  void outlineDiagramsLeaveInternalEventsOut() {
    assertThat(ProcessDiagrams.mermaid(PROCESS, Style.OUTLINE)).doesNotContain("internal", "contact-made")
        .contains("direction TB");
    assertThat(ProcessDiagrams.plantUml(PROCESS, Style.OUTLINE)).doesNotContain("internal", "contact-made");
    assertThat(ProcessDiagrams.dot(PROCESS, Style.OUTLINE)).doesNotContain("internal", "contact-made");
  }
}
