package io.salesflow.jackson2;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The Jackson 2 module for Salesflow: writes and reads deals (with their facts and history), transition records,
 * fire results and every sales event, and writes a read-only view of a process definition for user interfaces.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new SalesflowJackson2Module());
 * String json = mapper.writeValueAsString(engine.fire("D-42", event));
 * SalesEvent read = mapper.readValue("{\"type\":\"contact-made\",\"occurredAt\":\"2026-01-05T09:00:00Z\","
 *     + "\"channel\":\"email\"}", SalesEvent.class);
 * }</pre>
 *
 * <p>Events are polymorphic by their type's id: {@code {"type": "contact-made", "occurredAt": ..., "channel":
 * "email"}}, one member per component of the event's record. Instants are ISO-8601 strings (no JSR-310 module
 * needed), amounts JSON numbers that read back with every digit and their scale, enum constants lower-case labels
 * such as {@code "in-person"}; members a reader does not know are ignored. An event whose type is neither built in
 * nor registered with this module is refused with an {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException}
 * that names the type: register the custom types of your processes with {@link #withEventTypesOf(SalesProcess...)}
 * or {@link #withEventTypes}. {@code salesflow-jackson} writes and reads the same JSON on Jackson 3.
 *
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds this module through {@link java.util.ServiceLoader},
 * knowing the built-in event types only. Differently configured modules have different type ids, so both are
 * registered and the one registered later is asked first: register the configured module after
 * {@code findAndRegisterModules()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SalesflowJackson2Module extends Module {
  private final EventTypePolicy eventTypes;

  /** A module that reads the built-in event types only; the one service loading finds. */
  public SalesflowJackson2Module() {
    this(EventTypePolicy.BUILT_IN_ONLY);
  }

  private SalesflowJackson2Module(EventTypePolicy eventTypes) {
    this.eventTypes = eventTypes;
  }

  /**
   * Returns a module that also reads events of the given custom types, as {@link io.salesflow.SalesEvent.Custom}.
   * This module is unchanged.
   *
   * @param types custom event types, such as {@code EventType.custom("demo-booked")}; built-in ones change nothing
   * @return the module reading these types as well as those this one reads
   */
  public SalesflowJackson2Module withEventTypes(EventType... types) {
    return withEventTypes(List.of(Objects.requireNonNull(types, "types must not be null")));
  }

  /**
   * Returns a module that also reads events of the given custom types. This module is unchanged.
   *
   * @param types custom event types; built-in ones change nothing
   * @return the module reading these types as well as those this one reads
   */
  public SalesflowJackson2Module withEventTypes(Collection<EventType> types) {
    return new SalesflowJackson2Module(eventTypes.with(types));
  }

  /**
   * Returns a module that also reads events of every custom type the given processes have transitions on. This
   * module is unchanged.
   *
   * @param processes the processes whose events the application reads
   * @return the module reading their event types as well as those this one reads
   */
  public SalesflowJackson2Module withEventTypesOf(SalesProcess... processes) {
    return new SalesflowJackson2Module(eventTypes.withTypesOf(processes));
  }

  /**
   * Returns a module that reads an event of any well-formed custom type, for readers that see the events of
   * processes they do not know (an archive, a message relay). This module is unchanged.
   *
   * @return the module accepting every event type
   */
  public SalesflowJackson2Module withAnyEventType() {
    return new SalesflowJackson2Module(eventTypes.withAnyCustom());
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

  /** {@return the class name with the custom event types read: the same for equal modules, so one is ignored} */
  @Override
  public Object getTypeId() {
    return getClass().getName() + "[" + eventTypes.key() + "]";
  }

  @Override
  public void setupModule(SetupContext context) {
    ModelMapping mapping = new ModelMapping(eventTypes, SalesflowJackson2Module.class.getSimpleName());
    List<JsonSerializer<?>> serializers = new ArrayList<>();
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
    return other instanceof SalesflowJackson2Module that && eventTypes.equals(that.eventTypes);
  }

  @Override
  public int hashCode() {
    return eventTypes.hashCode();
  }

  @Override
  public String toString() {
    return "SalesflowJackson2Module (reads " + eventTypes + ")";
  }
}
