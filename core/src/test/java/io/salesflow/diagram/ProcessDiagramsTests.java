package io.salesflow.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.guard.SalesGuards;
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
}
