package io.salesflow.jackson;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleSerializers;

/**
 * The Jackson 3 module for Salesflow: writes and reads deals (with their facts and history), transition records,
 * fire results and every sales event, and writes a read-only view of a process definition for user interfaces.
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new SalesflowModule()).build();
 * String json = mapper.writeValueAsString(engine.fire("D-42", event));
 * SalesEvent read = mapper.readValue("{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
 *     + "\"channel\":\"email\"}", SalesEvent.class);
 * }</pre>
 *
 * <p>Events are polymorphic by their type's id: {@code {"type": "contact-made", "occurredAt": ..., "channel":
 * "email"}}, one member per component of the event's record. Instants are ISO-8601 strings, amounts JSON numbers
 * that read back with every digit and their scale, enum constants lower-case labels such as {@code "in-person"};
 * members a reader does not know are ignored. An event whose type is neither built in nor registered with this module
 * is refused with an {@link tools.jackson.databind.exc.InvalidTypeIdException} that names the type: register the
 * custom types of your processes with {@link #withEventTypesOf(SalesProcess...)} or {@link #withEventTypes}.
 * {@code salesflow-jackson2} writes and reads the same JSON on Jackson 2.
 *
 * <p>{@code JsonMapper.builder().findAndAddModules()} finds this module through {@link java.util.ServiceLoader},
 * knowing the built-in event types only. Every configuration has the same registration id, so a module added later
 * replaces one added earlier: add the configured module after {@code findAndAddModules()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SalesflowModule extends JacksonModule {
  private final EventTypePolicy eventTypes;

  /** A module that reads the built-in event types only; the one service loading finds. */
  public SalesflowModule() {
    this(EventTypePolicy.BUILT_IN_ONLY);
  }

  private SalesflowModule(EventTypePolicy eventTypes) {
    this.eventTypes = eventTypes;
  }

  /**
   * Returns a module that also reads events of the given custom types, as {@link io.salesflow.SalesEvent.Custom}.
   * This module is unchanged.
   *
   * @param types custom event types, such as {@code EventType.custom("demo-booked")}; built-in ones change nothing
   * @return the module reading these types as well as those this one reads
   */
  public SalesflowModule withEventTypes(EventType... types) {
    return withEventTypes(List.of(Objects.requireNonNull(types, "types must not be null")));
  }

  /**
   * Returns a module that also reads events of the given custom types. This module is unchanged.
   *
   * @param types custom event types; built-in ones change nothing
   * @return the module reading these types as well as those this one reads
   */
  public SalesflowModule withEventTypes(Collection<EventType> types) {
    return new SalesflowModule(eventTypes.with(types));
  }

  /**
   * Returns a module that also reads events of every custom type the given processes have transitions on. This
   * module is unchanged.
   *
   * @param processes the processes whose events the application reads
   * @return the module reading their event types as well as those this one reads
   */
  public SalesflowModule withEventTypesOf(SalesProcess... processes) {
    return new SalesflowModule(eventTypes.withTypesOf(processes));
  }

  /**
   * Returns a module that reads an event of any well-formed custom type, for readers that see the events of
   * processes they do not know (an archive, a message relay). This module is unchanged.
   *
   * @return the module accepting every event type
   */
  public SalesflowModule withAnyEventType() {
    return new SalesflowModule(eventTypes.withAnyCustom());
  }

  @Override
  public String getModuleName() {
    return "salesflow";
  }

  /** {@return an unknown version: the module's version is the Salesflow release whose jar holds it} */
  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    ModelMapping mapping = new ModelMapping(eventTypes, SalesflowModule.class.getSimpleName());
    List<ValueSerializer<?>> serializers = new ArrayList<>();
    for (Class<?> type : ModelMapping.WRITTEN_TYPES) {
      serializers.add(new TreeSerializer<>(type, mapping));
    }
    context.addSerializers(new SimpleSerializers(serializers));
    SimpleDeserializers deserializers = new SimpleDeserializers();
    for (Class<?> type : ModelMapping.readTypes()) {
      add(deserializers, type, mapping);
    }
    context.addDeserializers(deserializers);
  }

  private static <T> void add(SimpleDeserializers deserializers, Class<T> type, ModelMapping mapping) {
    deserializers.addDeserializer(type, new TreeDeserializer<>(type, mapping));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SalesflowModule that && eventTypes.equals(that.eventTypes);
  }

  @Override
  public int hashCode() {
    return eventTypes.hashCode();
  }

  @Override
  public String toString() {
    return "SalesflowModule (reads " + eventTypes + ")";
  }
}
