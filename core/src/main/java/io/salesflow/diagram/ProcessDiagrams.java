package io.salesflow.diagram;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import java.util.Objects;

/**
 * Writes a process definition as a state diagram in Mermaid, PlantUML or Graphviz DOT.
 *
 * <p>Every stage appears with its name, every transition with its event; guarded transitions carry their guard's
 * label in brackets and internal transitions are marked {@code (internal)}. Won stages are green, lost stages red
 * and post-sale stages blue, so outcomes stand apart. Stage ids are written with underscores where the formats do
 * not allow dashes.
 *
 * <pre>{@code
 * Files.writeString(Path.of("five-step.mmd"), ProcessDiagrams.mermaid(SalesCatalog.fiveStep()));
 * }</pre>
 *
 * @since 0.1
 */
public final class ProcessDiagrams {
  private ProcessDiagrams() {}

  /** Returns the process as a Mermaid {@code stateDiagram-v2}, ready for a Markdown code block. */
  public static String mermaid(SalesProcess process) {
    Objects.requireNonNull(process, "process must not be null");
    StringBuilder out = new StringBuilder("stateDiagram-v2\n");
    out.append("    direction LR\n");
    for (Stage stage : process.stages()) {
      out.append("    state \"").append(text(stage.name())).append("\" as ").append(id(stage)).append('\n');
    }
    out.append("    [*] --> ").append(id(process.initialStage())).append('\n');
    for (Transition t : process.transitions()) {
      out.append("    ").append(id(t.source())).append(" --> ").append(id(t.target())).append(" : ")
          .append(text(label(t))).append('\n');
    }
    for (Stage stage : process.stages(StageKind.WON, StageKind.LOST)) {
      out.append("    ").append(id(stage)).append(" --> [*]\n");
    }
    out.append("    classDef won fill:#d4edda,stroke:#2e7d32,color:#1b5e20\n");
    out.append("    classDef lost fill:#f8d7da,stroke:#c62828,color:#b71c1c\n");
    out.append("    classDef postsale fill:#dbeafe,stroke:#1d4ed8,color:#1e3a8a\n");
    appendClass(out, process, StageKind.WON, "won");
    appendClass(out, process, StageKind.LOST, "lost");
    appendClass(out, process, StageKind.POST_SALE, "postsale");
    return out.toString();
  }

  private static void appendClass(StringBuilder out, SalesProcess process, StageKind kind, String cssClass) {
    for (Stage stage : process.stages(kind)) {
      out.append("    class ").append(id(stage)).append(' ').append(cssClass).append('\n');
    }
  }

  /** Returns the process as a PlantUML state diagram, from {@code @startuml} to {@code @enduml}. */
  public static String plantUml(SalesProcess process) {
    Objects.requireNonNull(process, "process must not be null");
    StringBuilder out = new StringBuilder("@startuml\n");
    out.append("title ").append(text(process.name())).append('\n');
    out.append("hide empty description\n");
    out.append("left to right direction\n");
    out.append("skinparam state {\n");
    out.append("  BackgroundColor<<won>> #d4edda\n  BorderColor<<won>> #2e7d32\n");
    out.append("  BackgroundColor<<lost>> #f8d7da\n  BorderColor<<lost>> #c62828\n");
    out.append("  BackgroundColor<<postsale>> #dbeafe\n  BorderColor<<postsale>> #1d4ed8\n");
    out.append("}\n");
    for (Stage stage : process.stages()) {
      out.append("state \"").append(text(stage.name())).append("\" as ").append(id(stage));
      switch (stage.kind()) {
        case WON:
          out.append(" <<won>>");
          break;
        case LOST:
          out.append(" <<lost>>");
          break;
        case POST_SALE:
          out.append(" <<postsale>>");
          break;
        default:
          break;
      }
      out.append('\n');
    }
    out.append("[*] --> ").append(id(process.initialStage())).append('\n');
    for (Transition t : process.transitions()) {
      out.append(id(t.source())).append(" --> ").append(id(t.target())).append(" : ").append(text(label(t)))
          .append('\n');
    }
    for (Stage stage : process.stages(StageKind.WON, StageKind.LOST)) {
      out.append(id(stage)).append(" --> [*]\n");
    }
    return out.append("@enduml\n").toString();
  }

  /** Returns the process as a Graphviz DOT digraph. */
  public static String dot(SalesProcess process) {
    Objects.requireNonNull(process, "process must not be null");
    StringBuilder out = new StringBuilder("digraph ").append(quote(process.id())).append(" {\n");
    out.append("  label=").append(quote(process.name())).append(";\n");
    out.append("  labelloc=t;\n  rankdir=LR;\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    out.append("  __start [shape=point, width=0.2, label=\"\"];\n");
    for (Stage stage : process.stages()) {
      out.append("  ").append(quote(stage.id())).append(" [label=").append(quote(stage.name()));
      switch (stage.kind()) {
        case WON:
          out.append(", shape=doubleoctagon, fillcolor=\"#d4edda\", color=\"#2e7d32\"");
          break;
        case LOST:
          out.append(", shape=doubleoctagon, fillcolor=\"#f8d7da\", color=\"#c62828\"");
          break;
        case POST_SALE:
          out.append(", fillcolor=\"#dbeafe\", color=\"#1d4ed8\"");
          break;
        default:
          break;
      }
      out.append("];\n");
    }
    out.append("  __start -> ").append(quote(process.initialStage().id())).append(";\n");
    for (Transition t : process.transitions()) {
      out.append("  ").append(quote(t.source())).append(" -> ").append(quote(t.target())).append(" [label=")
          .append(quote(label(t)));
      if (t.internal()) {
        out.append(", style=dashed");
      }
      if (t.isGuarded()) {
        out.append(", color=\"#b45309\"");
      }
      out.append("];\n");
    }
    return out.append("}\n").toString();
  }

  /** The label of a transition: its event, then " (internal)" and " [guard]" where they apply. */
  static String label(Transition t) {
    return t.event().id() + (t.internal() ? " (internal)" : "") + (t.isGuarded() ? " [" + t.guard().label() + "]" : "");
  }

  static String id(Stage stage) {
    return id(stage.id());
  }

  static String id(String stageId) {
    return stageId.replace('-', '_');
  }

  /** Keeps a label on one line and free of the characters Mermaid and PlantUML treat as syntax. */
  static String text(String label) {
    return label.replace('\n', ' ').replace(';', ',').replace('#', ' ').replace("\"", "'").replace(":", " -");
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ') + '"';
  }
}
