package io.salesflow.testkit;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Events and deals in words, as failures print them: an event is its type's id, its time and its payload,
 * {@code follow-up-logged at 2026-01-05T10:12:00Z: channel email, outcome no-response}. Stateless and thread-safe.
 */
final class Events {
  private Events() {}

  /** {@return the event on one line: its type's id, when it occurred and every payload field it has} */
  static String text(SalesEvent event) {
    List<String> fields = new ArrayList<>();
    if (event instanceof SalesEvent.Custom custom) {
      custom.attributes().forEach((key, value) -> fields.add(key + " " + quote(value)));
    } else {
      for (RecordComponent component : event.getClass().getRecordComponents()) {
        if (component.getName().equals("occurredAt")) {
          continue;
        }
        Object value = value(component, event);
        if (value != null) {
          fields.add(component.getName() + " " + text(value));
        }
      }
    }
    return event.type().id() + " at " + event.occurredAt() + (fields.isEmpty() ? "" : ": " + String.join(", ", fields));
  }

  /** {@return the deal's id, stage and version} */
  static String deal(Deal deal) {
    return "deal '" + deal.id() + "' in stage '" + deal.stage() + "' at version " + deal.version();
  }

  /** {@return the deal's id, stage, version, stage entry and facts: the snapshot a guard saw} */
  static String snapshot(Deal deal) {
    return deal(deal) + " (in the stage since " + deal.enteredStageAt() + ") with " + deal.facts();
  }

  /**
   * Returns how {@code actual} differs from {@code expected}, one phrase per field: "stage 'a' instead of 'b'",
   * "facts … instead of …", "history … instead of …".
   */
  static List<String> differences(Deal actual, Deal expected) {
    List<String> differences = new ArrayList<>();
    if (!actual.id().equals(expected.id()) || !actual.processId().equals(expected.processId())) {
      differences.add("deal '" + actual.id() + "' of process '" + actual.processId() + "' instead of deal '"
          + expected.id() + "' of process '" + expected.processId() + "'");
    }
    if (!actual.stage().equals(expected.stage())) {
      differences.add("stage '" + actual.stage() + "' instead of '" + expected.stage() + "'");
    }
    if (actual.version() != expected.version()) {
      differences.add("version " + actual.version() + " instead of " + expected.version());
    }
    if (!actual.createdAt().equals(expected.createdAt())) {
      differences.add("created at " + actual.createdAt() + " instead of " + expected.createdAt());
    }
    if (!actual.enteredStageAt().equals(expected.enteredStageAt())) {
      differences.add("in its stage since " + actual.enteredStageAt() + " instead of " + expected.enteredStageAt());
    }
    if (!actual.facts().equals(expected.facts())) {
      differences.add("facts " + actual.facts() + " instead of " + expected.facts());
    }
    if (!actual.history().asList().equals(expected.history().asList())) {
      differences.add("history " + history(actual) + " instead of " + history(expected));
    }
    if (differences.isEmpty() && !actual.equals(expected)) {
      differences.add(actual + " instead of " + expected);
    }
    return differences;
  }

  /** {@return the deal's history, each record with its event in words} */
  static String history(Deal deal) {
    return deal.history().stream().map(Events::record).collect(Collectors.joining("; ", "[", "]"));
  }

  /** {@return the record with its event in words} */
  static String record(TransitionRecord record) {
    return "v" + record.version() + " " + record.from() + (record.internal() ? " (internal)" : " -> " + record.to())
        + " at " + record.at() + " on " + text(record.event());
  }

  static Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
    }
  }

  private static String text(Object value) {
    if (value instanceof SalesEvent.Term term) {
      return term.label();
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof BantAssessment bant) {
      return bant(bant);
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + " " + text(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value);
  }

  private static String bant(BantAssessment bant) {
    List<String> parts = new ArrayList<>(4);
    bant.budget().ifPresent(b -> parts.add("budget " + b.amount().toPlainString()
        + (b.confirmed() ? " confirmed" : " unconfirmed")));
    bant.authority().ifPresent(a -> parts.add("authority " + (a.decisionMakerIdentified() ? "confirmed" : "unconfirmed")
        + " (" + a.stakeholders() + " stakeholders)"));
    bant.need().ifPresent(n -> parts.add("need " + n.painPoints().stream().map(Events::quote)
        .collect(Collectors.joining(", ", "[", "]"))));
    bant.timing().ifPresent(t -> parts.add("decision by " + t.decisionDate()));
    return parts.isEmpty() ? "{nothing known}" : "{" + String.join(", ", parts) + "}";
  }

  /** {@return the text in double quotes, with quotes, backslashes and control characters escaped as in Java} */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || !Character.isDefined(c)
              || Character.getType(c) == Character.FORMAT) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
