package io.salesflow.diagram;

import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * <p>The methods without a {@link Style} draw the {@linkplain Style#COMPLETE complete} diagram: every transition is
 * an arrow, internal ones loop on their stage, left to right. That is exact but wide: a catalog process comes out
 * several thousand pixels wide with a stack of loops on every stage. For a page, ask for {@link Style#READABLE}: top
 * to bottom, internal events listed inside their stage, long guard labels wrapped.
 *
 * <pre>{@code
 * String mermaid = ProcessDiagrams.mermaid(SalesCatalog.fiveStep(), ProcessDiagrams.Style.READABLE);
 * }</pre>
 *
 * @since 0.1
 */
public final class ProcessDiagrams {
  /** The widest line, in characters, of a wrapped guard label or internal-event list in a readable diagram. */
  static final int LINE = 30;
  /** The most lines a guard label takes in a readable diagram; longer ones are cut with an ellipsis. */
  static final int GUARD_LINES = 2;

  private ProcessDiagrams() {}

  /**
   * How much a diagram shows and how it is laid out.
   *
   * @since 0.1
   */
  public enum Style {
    /**
     * Every transition as an arrow, internal ones as loops marked {@code (internal)} on their stage, full guard
     * labels, left to right, the terminal stages leading to an end marker. What the methods without a style draw.
     */
    COMPLETE,
    /**
     * For reading on a page about 800 to 1000 pixels wide: top to bottom along the main path (the shortest path
     * from the initial stage to the won stage, drawn first and straight), each stage's internal events listed
     * inside the stage ({@code internal: follow-up-logged, contact-made}) instead of loops, guard labels kept on
     * the stage-changing arrows but wrapped onto at most two lines (cut with an ellipsis past that), terminal
     * stages on the bottom row where the format allows it (DOT), and no end markers.
     */
    READABLE,
    /** As {@link #READABLE}, without the internal events: only the stages and the stage-changing transitions. */
    OUTLINE
  }

  /**
   * Returns the process as a Mermaid {@code stateDiagram-v2}, ready for a Markdown code block. Every transition is
   * an arrow, internal ones loops on their stage ({@link Style#COMPLETE}).
   *
   * @param process the process to draw
   * @return the Mermaid {@code stateDiagram-v2} text
   */
  public static String mermaid(SalesProcess process) {
    return mermaid(process, Style.COMPLETE);
  }

  /**
   * Returns the process as a Mermaid {@code stateDiagram-v2} in the given style, ready for a Markdown code block.
   *
   * @param process the process to draw
   * @param style how much to draw and how to lay it out
   * @return the Mermaid {@code stateDiagram-v2} text
   * @since 0.1
   */
  public static String mermaid(SalesProcess process, Style style) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(style, "style must not be null");
    boolean complete = style == Style.COMPLETE;
    StringBuilder out = new StringBuilder("stateDiagram-v2\n");
    out.append("    direction ").append(complete ? "LR" : "TB").append('\n');
    for (Stage stage : process.stages()) {
      out.append("    state \"").append(text(stage.name())).append("\" as ").append(id(stage)).append('\n');
      if (style == Style.READABLE) {
        for (String line : internalLines(process, stage)) {
          out.append("    ").append(id(stage)).append(" : ").append(line).append('\n');
        }
      }
    }
    out.append("    [*] --> ").append(id(process.initialStage())).append('\n');
    if (complete) {
      for (Transition t : process.transitions()) {
        out.append("    ").append(id(t.source())).append(" --> ").append(id(t.target())).append(" : ")
            .append(text(label(t))).append('\n');
      }
      for (Stage stage : process.stages(StageKind.WON, StageKind.LOST)) {
        out.append("    ").append(id(stage)).append(" --> [*]\n");
      }
    }
    for (Arrow arrow : complete ? List.<Arrow>of() : arrows(process)) {
      String label = String.join("<br/>", readableLabel(arrow.rule()));
      if (arrow.junction().isEmpty()) {
        out.append("    ").append(id(arrow.sources().get(0))).append(" --> ").append(id(arrow.rule().target()))
            .append(" : ").append(label).append('\n');
        continue;
      }
      String junction = arrow.junction();
      out.append("    state ").append(junction).append(" <<join>>\n");
      for (String source : arrow.sources()) {
        out.append("    ").append(id(source)).append(" --> ").append(junction).append('\n');
      }
      out.append("    ").append(junction).append(" --> ").append(id(arrow.rule().target())).append(" : ").append(label)
          .append('\n');
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

  /**
   * Returns the process as a PlantUML state diagram, from {@code @startuml} to {@code @enduml}. Every transition is
   * an arrow, internal ones loops on their stage ({@link Style#COMPLETE}).
   *
   * @param process the process to draw
   * @return the PlantUML text
   */
  public static String plantUml(SalesProcess process) {
    return plantUml(process, Style.COMPLETE);
  }

  /**
   * Returns the process as a PlantUML state diagram in the given style, from {@code @startuml} to {@code @enduml}.
   *
   * @param process the process to draw
   * @param style how much to draw and how to lay it out
   * @return the PlantUML text
   * @since 0.1
   */
  public static String plantUml(SalesProcess process, Style style) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(style, "style must not be null");
    boolean complete = style == Style.COMPLETE;
    StringBuilder out = new StringBuilder("@startuml\n");
    out.append("title ").append(text(process.name())).append('\n');
    out.append("hide empty description\n");
    out.append(complete ? "left to right direction\n" : "top to bottom direction\n");
    out.append("skinparam state {\n");
    out.append("  BackgroundColor<<won>> #d4edda\n  BorderColor<<won>> #2e7d32\n");
    out.append("  BackgroundColor<<lost>> #f8d7da\n  BorderColor<<lost>> #c62828\n");
    out.append("  BackgroundColor<<postsale>> #dbeafe\n  BorderColor<<postsale>> #1d4ed8\n");
    out.append("}\n");
    if (!complete) {
      out.append("skinparam shadowing false\n");
      out.append("skinparam ArrowFontSize 10\n");
      out.append("skinparam StateAttributeFontSize 10\n");
      out.append("skinparam StateAttributeFontColor #4b5563\n");
    }
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
      if (style == Style.READABLE) {
        for (String line : internalLines(process, stage)) {
          out.append(id(stage)).append(" : ").append(line).append('\n');
        }
      }
    }
    out.append("[*] --> ").append(id(process.initialStage())).append('\n');
    if (complete) {
      for (Transition t : process.transitions()) {
        out.append(id(t.source())).append(" --> ").append(id(t.target())).append(" : ").append(text(label(t)))
            .append('\n');
      }
      for (Stage stage : process.stages(StageKind.WON, StageKind.LOST)) {
        out.append(id(stage)).append(" --> [*]\n");
      }
    } else {
      for (Arrow arrow : arrows(process)) {
        String label = String.join("\\n", readableLabel(arrow.rule()));
        String target = id(arrow.rule().target());
        if (arrow.junction().isEmpty()) {
          // the main path goes down; every other arrow is left to the layout
          out.append(id(arrow.sources().get(0))).append(arrow.main() ? " -down-> " : " --> ").append(target)
              .append(" : ").append(label).append('\n');
          continue;
        }
        out.append("state ").append(arrow.junction()).append(" <<join>>\n");
        for (String source : arrow.sources()) {
          out.append(id(source)).append(" --> ").append(arrow.junction()).append('\n');
        }
        out.append(arrow.junction()).append(" --> ").append(target).append(" : ").append(label).append('\n');
      }
    }
    return out.append("@enduml\n").toString();
  }

  /**
   * Returns the process as a Graphviz DOT digraph. Every transition is an arrow, internal ones loops on their stage
   * ({@link Style#COMPLETE}).
   *
   * @param process the process to draw
   * @return the DOT text
   */
  public static String dot(SalesProcess process) {
    return dot(process, Style.COMPLETE);
  }

  /**
   * Returns the process as a Graphviz DOT digraph in the given style.
   *
   * @param process the process to draw
   * @param style how much to draw and how to lay it out
   * @return the DOT text
   * @since 0.1
   */
  public static String dot(SalesProcess process, Style style) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(style, "style must not be null");
    boolean complete = style == Style.COMPLETE;
    StringBuilder out = new StringBuilder("digraph ").append(quote(process.id())).append(" {\n");
    out.append("  label=").append(quote(process.name())).append(";\n");
    if (complete) {
      out.append("  labelloc=t;\n  rankdir=LR;\n");
      out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n");
      out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    } else {
      out.append("  labelloc=t;\n  fontname=\"Helvetica\";\n  rankdir=TB;\n  nodesep=0.25;\n  ranksep=0.45;\n");
      out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\","
          + " fontsize=12];\n");
      out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    }
    out.append("  __start [shape=point, width=0.2, label=\"\"];\n");
    for (Stage stage : process.stages()) {
      out.append("  ").append(quote(stage.id())).append(" [label=");
      List<String> internal = style == Style.READABLE ? internalLines(process, stage) : List.of();
      if (internal.isEmpty()) {
        out.append(quote(stage.name()));
      } else {
        out.append('<').append(html(stage.name()));
        for (String line : internal) {
          out.append("<br/><font point-size=\"9\" color=\"#4b5563\">").append(html(line)).append("</font>");
        }
        out.append('>');
      }
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
    if (complete) {
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
    for (Arrow arrow : arrows(process)) {
      Transition t = arrow.rule();
      boolean toLost = process.stage(t.target()).kind() == StageKind.LOST;
      // the main path is heavy and straight, arrows to a lost stage grey, other guarded arrows amber
      String colour = toLost ? ", color=\"#9ca3af\", fontcolor=\"#4b5563\""
          : t.isGuarded() ? ", color=\"#b45309\"" : "";
      String from = quote(arrow.sources().get(0));
      if (!arrow.junction().isEmpty()) {
        from = quote(arrow.junction());
        out.append("  ").append(from).append(" [shape=point, width=0.08, label=\"\"")
            .append(toLost ? ", color=\"#9ca3af\"" : "").append("];\n");
        for (String source : arrow.sources()) {
          out.append("  ").append(quote(source)).append(" -> ").append(from).append(" [arrowhead=none")
              .append(colour).append("];\n");
        }
      }
      out.append("  ").append(from).append(" -> ").append(quote(t.target())).append(" [label=")
          .append(quoteLines(readableLabel(t))).append(arrow.main() ? ", weight=10, penwidth=1.6" : "")
          .append(colour).append("];\n");
    }
    List<Stage> terminal = process.stages(StageKind.WON, StageKind.LOST);
    if (!terminal.isEmpty()) {
      out.append("  { rank=sink;");
      for (Stage stage : terminal) {
        out.append(' ').append(quote(stage.id())).append(';');
      }
      out.append(" }\n");
    }
    return out.append("}\n").toString();
  }

  /** The label of a transition: its event, then " (internal)" and " [guard]" where they apply. */
  static String label(Transition t) {
    return t.event().id() + (t.internal() ? " (internal)" : "") + (t.isGuarded() ? " [" + t.guard().label() + "]" : "");
  }

  /**
   * The label of a stage-changing transition in a readable diagram, one entry a line: the event, then the guard in
   * brackets wrapped onto at most {@link #GUARD_LINES} lines of about {@link #LINE} characters.
   */
  static List<String> readableLabel(Transition t) {
    List<String> lines = new ArrayList<>();
    lines.add(t.event().id());
    if (t.isGuarded()) {
      lines.addAll(shorten(wrap("[" + text(t.guard().label()) + "]", LINE), GUARD_LINES));
    }
    return lines;
  }

  /**
   * The lines listing a stage's internal events in a readable diagram: {@code internal: a, b, c}, wrapped at about
   * {@link #LINE} characters; none when the stage has no internal transition. A guarded internal event is marked
   * with an asterisk.
   */
  static List<String> internalLines(SalesProcess process, Stage stage) {
    Map<String, Boolean> events = new LinkedHashMap<>();
    for (Transition t : process.transitionsFrom(stage.id())) {
      if (t.internal()) {
        events.merge(t.event().id(), t.isGuarded(), Boolean::logicalOr);
      }
    }
    if (events.isEmpty()) {
      return List.of();
    }
    StringBuilder list = new StringBuilder("internal:");
    String separator = " ";
    for (Map.Entry<String, Boolean> event : events.entrySet()) {
      list.append(separator).append(event.getKey()).append(event.getValue() ? "*" : "");
      separator = ", ";
    }
    return wrap(list.toString(), LINE + 6);
  }

  /**
   * A stage-changing arrow of a readable diagram: one transition rule from one or more source stages. Rules that
   * several stages share (same event, guard and target, as a closed-lost allowed from every open stage) are drawn
   * once, from a junction that the source stages lead into, so the label appears once.
   *
   * @param sources the source stage ids, in definition order
   * @param rule the transition of the first source; its event, guard and target are those of all
   * @param main whether the arrow is on the main path
   * @param junction the junction's id in the diagram when there are several sources, else empty
   */
  record Arrow(List<String> sources, Transition rule, boolean main, String junction) {}

  /**
   * The stage-changing arrows in drawing order: the main path first, so layouts that place stages in the order they
   * meet them keep it straight, then every other rule in definition order.
   */
  static List<Arrow> arrows(SalesProcess process) {
    List<Transition> main = mainPath(process);
    Map<List<Object>, List<Transition>> rules = new LinkedHashMap<>();
    for (Transition t : process.transitions()) {
      if (!t.internal() && !main.contains(t)) {
        List<Object> key = List.of(t.event(), t.target(), t.isGuarded() ? t.guard().label() : "");
        rules.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      }
    }
    Set<String> taken = new LinkedHashSet<>();
    process.stages().forEach(stage -> taken.add(id(stage)));
    List<Arrow> arrows = new ArrayList<>();
    for (Transition t : main) {
      arrows.add(new Arrow(List.of(t.source()), t, true, ""));
    }
    for (List<Transition> rule : rules.values()) {
      Transition first = rule.get(0);
      List<String> sources = rule.stream().map(Transition::source).distinct().toList();
      String junction = "";
      if (sources.size() > 1) {
        String base = id(first.event().id()) + "_to_" + id(first.target());
        junction = base;
        for (int n = 2; !taken.add(junction); n++) {
          junction = base + "_" + n;
        }
      }
      arrows.add(new Arrow(sources, first, false, junction));
    }
    return List.copyOf(arrows);
  }

  /**
   * The main path: the fewest stage-changing transitions from the initial stage to a won stage (through the
   * post-sale stages when the process has them), or to a post-sale stage when no won stage can be reached; empty
   * when neither can.
   */
  static List<Transition> mainPath(SalesProcess process) {
    Map<String, List<Transition>> paths = process.graph().shortestPathsFrom(process.initialStage().id());
    List<Transition> toPostSale = List.of();
    for (Map.Entry<String, List<Transition>> path : paths.entrySet()) {
      StageKind kind = process.stage(path.getKey()).kind();
      if (kind == StageKind.WON) {
        return path.getValue();
      }
      if (kind == StageKind.POST_SALE && toPostSale.isEmpty()) {
        toPostSale = path.getValue();
      }
    }
    return toPostSale;
  }

  /** Breaks text at spaces into lines of at most {@code width} characters where words allow it. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Keeps the first {@code max} lines, ending the last one kept with an ellipsis when lines were dropped. */
  static List<String> shorten(List<String> lines, int max) {
    if (lines.size() <= max) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, max));
    kept.set(max - 1, kept.get(max - 1) + " …]");
    return kept;
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

  /** Quotes lines for DOT as one label, each line centred. */
  private static String quoteLines(List<String> lines) {
    List<String> quoted = new ArrayList<>();
    for (String line : lines) {
      String q = quote(line);
      quoted.add(q.substring(1, q.length() - 1));
    }
    return '"' + String.join("\\n", quoted) + '"';
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
