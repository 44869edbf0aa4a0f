package io.salesflow.testkit;

import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes a failing walk as the Java source of a JUnit 5 test: each event as the constructor call that builds an equal
 * event, with the definition's answer to it beside it, checked by {@link ProcessProperties#checkWalk(List)}. Not
 * thread-safe: one instance per source written.
 */
final class JavaSource {
  private final Set<String> imports = new TreeSet<>();

  private JavaSource() {}

  /**
   * The failure as a regression test.
   *
   * @param failure what broke and where
   * @param processExpression a Java expression for the process, pasted as it is
   * @param enginesExpression a Java expression for the engine factory, pasted as it is
   */
  static String regressionTest(WalkFailure failure, @Nullable String processExpression,
      @Nullable String enginesExpression) {
    return new JavaSource().write(failure, processExpression, enginesExpression);
  }

  /**
   * Returns the source of a class, in no package, that implements {@code Supplier<List<SalesEvent>>} and supplies
   * events equal to {@code events}: how the testkit checks that every event it writes builds an equal one.
   */
  static String eventSupplier(String className, List<SalesEvent> events) {
    JavaSource source = new JavaSource();
    source.imports.add("io.salesflow.SalesEvent");
    source.imports.add("java.util.List");
    source.imports.add("java.util.function.Supplier");
    String list = events.stream().map(source::event).collect(Collectors.joining(",\n        ", "List.of(\n        ",
        ")"));
    StringBuilder out = new StringBuilder();
    source.imports.forEach(type -> out.append("import ").append(type).append(";\n"));
    return out.append("\npublic class ").append(className).append(" implements Supplier<List<SalesEvent>> {\n")
        .append("  @Override\n  public List<SalesEvent> get() {\n    return ").append(list).append(";\n  }\n}\n")
        .toString();
  }

  private String write(WalkFailure failure, @Nullable String processExpression, @Nullable String enginesExpression) {
    imports.add("io.salesflow.SalesEvent");
    imports.add("io.salesflow.SalesProcess");
    imports.add("io.salesflow.testkit.EngineFactory");
    imports.add("io.salesflow.testkit.ProcessProperties");
    imports.add("java.util.List");
    imports.add("org.junit.jupiter.api.Test");
    List<SalesEvent> walk = failure.shrunkWalk();
    List<String> outcomes = failure.expectedOutcomes();
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < walk.size(); i++) {
      events.append(comment((i + 1) + ". the definition: "
          + (i < outcomes.size() ? oneLine(outcomes.get(i)) : "not decided"), "        "))
          .append(wrap(event(walk.get(i)) + (i + 1 < walk.size() ? "," : ""), "        "))
          .append(i + 1 < walk.size() ? "\n" : "");
    }
    String className = className(failure.processId());
    StringBuilder out = new StringBuilder();
    out.append("/**\n")
        .append(" * A walk on which process '").append(failure.processId()).append("' on engine '")
        .append(failure.engine()).append("' once broke\n")
        .append(" * \"").append(failure.invariant()).append("\" at event ").append(failure.step()).append(
            failure.seed().isPresent() ? " (walk seed " + failure.seed().getAsLong() + ")" : "")
        .append(".\n")
        .append(" */\n")
        .append("class ").append(className).append(" {\n")
        .append("  @Test\n")
        .append("  void followsTheDefinitionOnEveryEventOfAWalkThatOnceFailed() {\n");
    Walk start = failure.walk();
    boolean givenFacts = false;
    if (failure.startsPlainly()) {
      out.append("    // a new deal starts in stage '").append(start.startStage())
          .append("' at version 0, knowing nothing; each event is fired at its own time\n")
          .append("    ProcessProperties.forProcess(process()).engine(engines())").append(failure.configuration())
          .append(".checkWalk(List.of(\n");
    } else {
      imports.add("io.salesflow.DealFacts");
      out.append("    // the deal starts in stage '").append(start.startStage())
          .append("' at version 0, with the facts of earlier events; each event is fired at its own time\n")
          .append("    ProcessProperties.forProcess(process()).engine(engines())").append(failure.configuration())
          .append(".checkWalk(").append(Events.quote(start.startStage())).append(", ");
      List<SalesEvent> earlier = start.startEvents();
      if (earlier == null) {
        givenFacts = true;
        out.append("startFacts()");
      } else {
        out.append("DealFacts.none()");
        for (SalesEvent event : earlier) {
          out.append('\n').append(wrap(".apply(" + event(event) + ")", "        "));
        }
      }
      out.append(", List.of(\n");
    }
    out.append(events).append("));\n")
        .append("  }\n\n");
    if (givenFacts) {
      out.append("  private static DealFacts startFacts() {\n")
          .append(body(null, "the facts the deal starts with"))
          .append("  }\n\n");
    }
    out
        .append("  private static SalesProcess process() {\n")
        .append(body(processExpression, "the process '" + failure.processId() + "', as your tests build it"))
        .append("  }\n\n")
        .append("  private static EngineFactory engines() {\n")
        .append(body(enginesExpression, "the factory of the engine '" + failure.engine() + "' under test"))
        .append("  }\n")
        .append("}\n");
    StringBuilder header = new StringBuilder();
    for (String type : imports) {
      header.append("import ").append(type).append(";\n");
    }
    return header.append('\n').append(out).toString();
  }

  private static String body(@Nullable String expression, String what) {
    return expression == null
        ? "    throw new UnsupportedOperationException(" + Events.quote("return " + what + " here") + ");\n"
        : "    return " + expression + ";\n";
  }

  /** The longest line written, as the project's own sources keep them. */
  private static final int WIDTH = 120;

  /** {@code text} as {@code //} comment lines of at most {@link #WIDTH} characters, each ending in a line break. */
  static String comment(String text, String indent) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent).append("//");
    int empty = line.length();
    for (String word : text.split(" ")) {
      if (line.length() > empty && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(indent).append("//   ");
      }
      line.append(' ').append(word);
    }
    return out.append(line).append('\n').toString();
  }

  /**
   * {@code code} indented, broken after commas outside string literals so that no line is longer than
   * {@link #WIDTH} where a break can help; continuation lines are indented four more.
   */
  static String wrap(String code, String indent) {
    List<String> pieces = new ArrayList<>();
    boolean inString = false;
    int from = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (inString && c == '\\') {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString && c == ',' && i + 1 < code.length() && code.charAt(i + 1) == ' ') {
        pieces.add(code.substring(from, i + 1));
        from = i + 2;
      }
    }
    pieces.add(code.substring(from));
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(indent).append(pieces.get(0));
    for (String piece : pieces.subList(1, pieces.size())) {
      if (line.length() + 1 + piece.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(indent).append("    ").append(piece);
      } else {
        line.append(' ').append(piece);
      }
    }
    return out.append(line).toString();
  }

  private static String oneLine(String text) {
    return text.replace("\r", " ").replace("\n", " ");
  }

  /** {@code eight-step} gives {@code EightStepWalkRegressionTests}. */
  static String className(String processId) {
    StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (char c : processId.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128) {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Process");
    }
    return name.append("WalkRegressionTests").toString();
  }

  private String event(SalesEvent event) {
    List<String> arguments = new ArrayList<>();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      arguments.add(value(Events.value(component, event)));
    }
    return "new SalesEvent." + event.getClass().getSimpleName() + "(" + String.join(", ", arguments) + ")";
  }

  private String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return Events.quote(s);
    }
    if (value instanceof Instant instant) {
      imports.add("java.time.Instant");
      return "Instant.parse(\"" + instant + "\")";
    }
    if (value instanceof LocalDate date) {
      imports.add("java.time.LocalDate");
      return "LocalDate.parse(\"" + date + "\")";
    }
    if (value instanceof BigDecimal amount) {
      imports.add("java.math.BigDecimal");
      return "new BigDecimal(\"" + amount + "\")";
    }
    if (value instanceof Boolean || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      String type = constant.getDeclaringClass().getCanonicalName();
      if (type.startsWith("io.salesflow.SalesEvent.")) {
        return type.substring("io.salesflow.".length()) + "." + constant.name();
      }
      return type + "." + constant.name();
    }
    if (value instanceof EventType type) {
      imports.add("io.salesflow.EventType");
      return "EventType.custom(" + Events.quote(type.id()) + ")";
    }
    if (value instanceof BantAssessment bant) {
      return bant(bant);
    }
    if (value instanceof List<?> list) {
      imports.add("java.util.List");
      return list.stream().map(this::value).collect(Collectors.joining(", ", "List.of(", ")"));
    }
    if (value instanceof DealFacts.Scorecard card) {
      imports.add("io.salesflow.DealFacts");
      StringBuilder out = new StringBuilder("DealFacts.Scorecard.of(").append(value(card.framework())).append(')');
      for (DealFacts.Scorecard.Finding finding : card.findings()) {
        out.append(finding.confirmed() ? ".confirm(" : ".identify(").append(value(finding.element())).append(", ")
            .append(value(finding.note())).append(')');
      }
      return out.toString();
    }
    if (value instanceof Map<?, ?> map) {
      imports.add("java.util.Map");
      if (map.isEmpty()) {
        return "Map.of()";
      }
      if (map.size() <= 10) {
        return map.entrySet().stream().map(e -> value(e.getKey()) + ", " + value(e.getValue()))
            .collect(Collectors.joining(", ", "Map.of(", ")"));
      }
      return map.entrySet().stream().map(e -> "Map.entry(" + value(e.getKey()) + ", " + value(e.getValue()) + ")")
          .collect(Collectors.joining(", ", "Map.ofEntries(", ")"));
    }
    throw new IllegalStateException("the testkit cannot write a " + value.getClass().getName()
        + " as Java source; add a case for it to io.salesflow.testkit.JavaSource.value");
  }

  private String bant(BantAssessment bant) {
    imports.add("io.salesflow.BantAssessment");
    StringBuilder out = new StringBuilder("BantAssessment.builder()");
    bant.budget().ifPresent(b -> out.append(".budget(").append(value(b.amount())).append(", ").append(b.confirmed())
        .append(')'));
    bant.authority().ifPresent(a -> out.append(".authority(").append(a.decisionMakerIdentified()).append(", ")
        .append(a.stakeholders()).append(')'));
    bant.need().ifPresent(n -> out.append(".painPoints(").append(n.painPoints().stream().map(Events::quote)
        .collect(Collectors.joining(", "))).append(')'));
    bant.timing().ifPresent(t -> out.append(".decisionBy(").append(value(t.decisionDate())).append(')'));
    return out.append(".build()").toString();
  }
}
