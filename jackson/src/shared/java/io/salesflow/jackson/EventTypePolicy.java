package io.salesflow.jackson;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which event types a reader accepts: every built-in type, the custom types registered, or every custom type. An
 * event of any other type is refused, so that a mistyped id fails where the JSON is read, not later as an event no
 * process knows. Immutable.
 */
final class EventTypePolicy {
  static final EventTypePolicy BUILT_IN_ONLY = new EventTypePolicy(Set.of(), false);

  private final Set<EventType> custom;
  private final boolean anyCustom;

  private EventTypePolicy(Set<EventType> custom, boolean anyCustom) {
    this.custom = custom;
    this.anyCustom = anyCustom;
  }

  /** Returns this policy accepting {@code types} as well; built-in types among them change nothing. */
  EventTypePolicy with(Collection<EventType> types) {
    Objects.requireNonNull(types, "types must not be null");
    Set<EventType> more = new TreeSet<>((a, b) -> a.id().compareTo(b.id()));
    more.addAll(custom);
    for (EventType type : types) {
      if (!Objects.requireNonNull(type, "event type must not be null").isBuiltIn()) {
        more.add(type);
      }
    }
    return new EventTypePolicy(Set.copyOf(more), anyCustom);
  }

  /** Returns this policy accepting the event types of {@code processes} as well. */
  EventTypePolicy withTypesOf(SalesProcess... processes) {
    Objects.requireNonNull(processes, "processes must not be null");
    return with(Arrays.stream(processes).flatMap(p -> Objects.requireNonNull(p, "process must not be null")
        .eventTypes().stream()).toList());
  }

  /** Returns this policy accepting every well-formed custom event type. */
  EventTypePolicy withAnyCustom() {
    return new EventTypePolicy(custom, true);
  }

  boolean accepts(EventType type) {
    return type.isBuiltIn() || anyCustom || custom.contains(type);
  }

  /** The custom types registered, by id. */
  Set<String> customIds() {
    return custom.stream().map(EventType::id).collect(Collectors.toCollection(TreeSet::new));
  }

  boolean acceptsAnyCustom() {
    return anyCustom;
  }

  /** A text that differs between policies that accept different types, for a module's registration id. */
  String key() {
    return anyCustom ? "*" : String.join(",", customIds());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EventTypePolicy that && anyCustom == that.anyCustom && custom.equals(that.custom);
  }

  @Override
  public int hashCode() {
    return Objects.hash(custom, anyCustom);
  }

  @Override
  public String toString() {
    return anyCustom ? "built-in and any custom event types"
        : custom.isEmpty() ? "built-in event types" : "built-in event types and " + customIds();
  }
}
