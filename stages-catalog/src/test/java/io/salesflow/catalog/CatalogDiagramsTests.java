package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.diagram.ProcessDiagrams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every stage and every transition of every catalog process appears in each diagram format. */
class CatalogDiagramsTests {

  static Iterable<SalesProcess> processes() {
    return SalesCatalog.all();
  }

  static String id(String stageId) {
    return stageId.replace('-', '_');
  }

  static String label(Transition t) {
    return t.event().id() + (t.internal() ? " (internal)" : "") + (t.isGuarded() ? " [" + t.guard().label() + "]" : "");
  }

  @ParameterizedTest
  @MethodSource("processes")
  void mermaidShowsEveryStageAndTransition(SalesProcess process) {
    String mermaid = ProcessDiagrams.mermaid(process);
    for (Stage stage : process.stages()) {
      assertThat(mermaid).contains("state \"" + stage.name().replace(":", " -") + "\" as " + id(stage.id()));
    }
    for (Transition t : process.transitions()) {
      assertThat(mermaid).contains(id(t.source()) + " --> " + id(t.target()) + " : " + t.event().id());
    }
    assertThat(mermaid.lines().filter(l -> l.contains(" --> ") && !l.contains("[*]")).count())
        .isEqualTo(process.transitions().size());
  }

  @ParameterizedTest
  @MethodSource("processes")
  void plantUmlShowsEveryStageAndTransition(SalesProcess process) {
    String uml = ProcessDiagrams.plantUml(process);
    for (Stage stage : process.stages()) {
      assertThat(uml).contains(" as " + id(stage.id()));
    }
    for (Transition t : process.transitions()) {
      assertThat(uml).contains(id(t.source()) + " --> " + id(t.target()) + " : " + t.event().id());
    }
    assertThat(uml.lines().filter(l -> l.contains(" --> ") && !l.contains("[*]")).count())
        .isEqualTo(process.transitions().size());
  }

  @ParameterizedTest
  @MethodSource("processes")
  void dotShowsEveryStageAndTransition(SalesProcess process) {
    String dot = ProcessDiagrams.dot(process);
    for (Stage stage : process.stages()) {
      assertThat(dot).contains("\"" + stage.id() + "\" [label=");
    }
    for (Transition t : process.transitions()) {
      assertThat(dot).contains("\"" + t.source() + "\" -> \"" + t.target() + "\" [label=\"" + t.event().id());
    }
    assertThat(dot.lines().filter(l -> l.contains(" -> ") && !l.contains("__start")).count())
        .isEqualTo(process.transitions().size());
  }

  @ParameterizedTest
  @MethodSource("processes")
  void guardedTransitionsCarryTheirGuardLabel(SalesProcess process) {
    String mermaid = ProcessDiagrams.mermaid(process);
    process.transitions().stream().filter(Transition::isGuarded)
        .forEach(t -> assertThat(mermaid).contains("[" + t.guard().label().replace(":", " -").replace(";", ",")));
  }
}
