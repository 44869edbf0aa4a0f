package io.salesflow.jackson;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.FollowUpLog;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.TransitionHistory;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.FireResult;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The model's JSON form, as plain trees: objects are {@code Map<String, Object>}, arrays {@code List<Object>}, and
 * the leaves strings, booleans and numbers ({@code Long}, {@code Double} or {@code BigDecimal} when written; every
 * number is a {@code BigDecimal} when read, so that no amount loses a digit). It knows nothing of Jackson: each
 * Jackson line streams these trees through its own generator and parser, so both lines write and read the same
 * JSON. Immutable and thread-safe.
 *
 * <p>The wire format:
 * <ul>
 *   <li>an event is an object with its {@code "type"} id first ({@code "contact-made"}, the ids of
 *       {@link EventType}), then one member per component of its record, named as the component; a built-in event
 *       is read into the record its type's {@link EventType#eventClass()} names, any other into
 *       {@link SalesEvent.Custom}, if the {@link EventTypePolicy} accepts its type;
 *   <li>other records (transition records, BANT dimensions, objections, follow-ups) are objects with a member per
 *       component; {@link Deal}, {@link DealFacts} and {@link BantAssessment} a member per property;
 *   <li>instants, dates and durations are ISO-8601 strings; amounts are JSON numbers written as their exact
 *       decimal text; enum constants are lower-case kebab-case labels ({@code "in-person"}), read case-insensitively
 *       with dashes or underscores;
 *   <li>absent values ({@code null}, an empty {@code Optional}) have no member; maps are written with sorted keys;
 *   <li>members a reader does not know are ignored.
 * </ul>
 */
final class ModelMapping {
  /** The types whose values this mapping writes; a Jackson line registers one serializer for each. */
  static final List<Class<?>> WRITTEN_TYPES = List.of(SalesEvent.class, EventType.class, Deal.class,
      DealFacts.class, BantAssessment.class, BantAssessment.Budget.class, BantAssessment.Authority.class,
      BantAssessment.Need.class, BantAssessment.Timing.class, DealFacts.Objection.class, DealFacts.FollowUp.class,
      DealFacts.Stakeholder.class, DealFacts.Expansion.class, DealFacts.Terms.class, DealFacts.Scorecard.class,
      DealFacts.Scorecard.Finding.class,
      FollowUpLog.class, TransitionRecord.class, TransitionHistory.class, FireResult.class, SalesProcess.class,
      Stage.class, Transition.class);

  private final EventTypePolicy eventTypes;
  private final String moduleName;

  /**
   * Creates the mapping.
   *
   * @param eventTypes which event types it reads
   * @param moduleName the simple name of the Jackson module class, for messages that say how to register a type
   */
  ModelMapping(EventTypePolicy eventTypes, String moduleName) {
    this.eventTypes = Objects.requireNonNull(eventTypes, "eventTypes must not be null");
    this.moduleName = Objects.requireNonNull(moduleName, "moduleName must not be null");
  }

  /**
   * The types this mapping reads; a Jackson line registers one deserializer for each, since Jackson looks
   * deserializers up by exact class. Every built-in event record is among them, found through {@link EventType}.
   */
  static List<Class<?>> readTypes() {
    List<Class<?>> types = new ArrayList<>(WRITTEN_TYPES);
    types.addAll(List.of(FireResult.Accepted.class, FireResult.Rejected.class, SalesEvent.Custom.class));
    for (EventType type : EventType.builtIn()) {
      type.eventClass().ifPresent(types::add);
    }
    return List.copyOf(types);
  }

  // ---------------------------------------------------------------------------------------------------- writing

  /**
   * Returns the JSON tree of {@code value}.
   *
   * @return the tree, or null for an absent value (an empty {@code Optional})
   * @throws MappingException if the value is of a type this mapping does not write
   */
  @Nullable Object write(Object value) {
    Objects.requireNonNull(value, "value must not be null");
    if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Instant || value instanceof LocalDate || value instanceof Duration) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      return label(constant);
    }
    if (value instanceof EventType type) {
      return type.id();
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(this::write).orElse(null);
    }
    if (value instanceof OptionalDouble optional) {
      return optional.isPresent() ? optional.getAsDouble() : null;
    }
    if (value instanceof SalesEvent event) {
      return event(event);
    }
    if (value instanceof Deal deal) {
      return DEAL.write(deal, this);
    }
    if (value instanceof DealFacts facts) {
      return FACTS.write(facts, this);
    }
    if (value instanceof BantAssessment bant) {
      return BANT.write(bant, this);
    }
    if (value instanceof TransitionHistory history) {
      return list(history.asList());
    }
    if (value instanceof FollowUpLog log) {
      return list(log.asList());
    }
    if (value instanceof FireResult result) {
      return fireResult(result);
    }
    if (value instanceof SalesProcess process) {
      return ProcessView.process(process, this);
    }
    if (value instanceof Stage stage) {
      return ProcessView.stage(stage, this);
    }
    if (value instanceof Transition transition) {
      return ProcessView.transition(transition);
    }
    if (value instanceof Record record) {
      Map<String, Object> json = new LinkedHashMap<>();
      RecordShape.of(record.getClass()).write(record, json, this);
      return json;
    }
    if (value instanceof Collection<?> collection) {
      return list(collection);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> json = new TreeMap<>();
      map.forEach((k, v) -> member(json, String.valueOf(k), v));
      return json;
    }
    throw new MappingException("cannot write a " + value.getClass().getName() + " as JSON: it is not one of the "
        + "Salesflow types this module maps");
  }

  /** Puts member {@code name} into {@code json} unless {@code value} is absent. */
  void member(Map<String, Object> json, String name, @Nullable Object value) {
    Object written = value == null ? null : write(value);
    if (written != null) {
      json.put(name, written);
    }
  }

  private List<Object> list(Collection<?> values) {
    List<Object> json = new ArrayList<>(values.size());
    Collection<?> ordered = values;
    if (values instanceof Set<?> && values.stream().allMatch(v -> v instanceof Enum<?>)) {
      ordered = values.stream().map(v -> (Enum<?>) v).sorted(Comparator.comparingInt(Enum::ordinal)).toList();
    }
    for (Object value : ordered) {
      json.add(write(Objects.requireNonNull(value, "element must not be null")));
    }
    return json;
  }

  private Map<String, Object> event(SalesEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", event.type().id());
    // a custom event's own "type" component puts the same id in the same place again
    RecordShape.of(event.getClass()).write(event, json, this);
    return json;
  }

  private Map<String, Object> fireResult(FireResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("accepted", result.isAccepted());
    if (result instanceof FireResult.Rejected rejected) {
      json.put("kind", label(rejected.kind()));
      json.put("reasons", list(rejected.reasons()));
      json.put("message", rejected.message());
      json.put("event", event(rejected.event()));
    } else {
      member(json, "transition", ((FireResult.Accepted) result).transition());
    }
    member(json, "deal", result.deal());
    return json;
  }

  /** The wire form of an enum constant: {@code IN_PERSON} is {@code "in-person"}. */
  static String label(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /**
   * Reads a value of {@code type} from its JSON tree.
   *
   * @throws MappingException naming the member at fault and what it should be
   */
  <T> T read(Object tree, Class<T> type) {
    return type.cast(read(tree, type, ""));
  }

  /** Reads member {@code name} of {@code json}; an absent or null member gives the type's empty value, if it has one. */
  @Nullable Object member(Map<?, ?> json, String name, Type type, boolean nullable, String path) {
    Object node = json.get(name);
    String at = child(path, name);
    if (node != null) {
      return read(node, type, at);
    }
    Class<?> raw = raw(type);
    if (raw == Optional.class) {
      return Optional.empty();
    }
    if (raw == OptionalDouble.class) {
      return OptionalDouble.empty();
    }
    if (raw == List.class || raw == Collection.class) {
      return List.of();
    }
    if (raw == Set.class) {
      return Set.of();
    }
    if (raw == Map.class) {
      return Map.of();
    }
    if (nullable) {
      return null;
    }
    throw new MappingException(at(at) + "missing; expected " + describe(type));
  }

  private Object read(Object node, Type type, String path) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return text(node, path, "a string");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (node instanceof Boolean bool) {
        return bool;
      }
      throw expected(path, "true or false", node);
    }
    if (raw == int.class || raw == Integer.class) {
      return exact(path, node, "a whole number", n -> n.intValueExact());
    }
    if (raw == long.class || raw == Long.class) {
      return exact(path, node, "a whole number", n -> n.longValueExact());
    }
    if (raw == double.class || raw == Double.class) {
      return number(node, path, "a number").doubleValue();
    }
    if (raw == BigDecimal.class) {
      return number(node, path, "a number");
    }
    if (raw == Instant.class) {
      return parse(node, path, raw, ModelMapping::parseInstant);
    }
    if (raw == LocalDate.class) {
      return parse(node, path, raw, LocalDate::parse);
    }
    if (raw == Duration.class) {
      return parse(node, path, raw, Duration::parse);
    }
    if (raw.isEnum()) {
      return constant(node, raw, path);
    }
    if (raw == EventType.class) {
      return eventType(text(node, path, describe(raw)), path);
    }
    if (SalesEvent.class.isAssignableFrom(raw)) {
      return event(object(node, path, raw), raw, path);
    }
    if (raw == Deal.class) {
      return DEAL.read(object(node, path, raw), path, this);
    }
    if (raw == DealFacts.class) {
      return FACTS.read(object(node, path, raw), path, this);
    }
    if (raw == BantAssessment.class) {
      return BANT.read(object(node, path, raw), path, this);
    }
    if (raw == TransitionHistory.class) {
      List<TransitionRecord> records = elements(read(node, listOf(TransitionRecord.class), path),
          TransitionRecord.class);
      return build(path, () -> TransitionHistory.of(records));
    }
    if (raw == FollowUpLog.class) {
      return FollowUpLog.of(elements(read(node, listOf(DealFacts.FollowUp.class), path), DealFacts.FollowUp.class));
    }
    if (FireResult.class.isAssignableFrom(raw)) {
      return fireResult(object(node, path, raw), raw, path);
    }
    if (raw == SalesProcess.class || raw == Stage.class || raw == Transition.class) {
      throw new MappingException(at(path) + "a " + raw.getSimpleName() + " is written as a read-only view and cannot "
          + "be read back: a process's guards are code. Build processes with SalesProcess.builder(..) or take them "
          + "from the catalog");
    }
    if (raw == Optional.class) {
      return Optional.of(read(node, argument(type, 0), path));
    }
    if (raw == List.class || raw == Collection.class || raw == Set.class) {
      if (!(node instanceof List<?> items)) {
        throw expected(path, "an array", node);
      }
      Type element = argument(type, 0);
      Collection<Object> values = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        Object item = items.get(i);
        String at = path + "[" + i + "]";
        if (item == null) {
          throw new MappingException(at(at) + "null; expected " + describe(element));
        }
        values.add(read(item, element, at));
      }
      return values;
    }
    if (raw == Map.class) {
      Type valueType = argument(type, 1);
      Map<String, Object> values = new LinkedHashMap<>();
      object(node, path, raw).forEach((k, v) -> {
        String at = child(path, String.valueOf(k));
        if (v == null) {
          throw new MappingException(at(at) + "null; expected " + describe(valueType));
        }
        values.put(String.valueOf(k), read(v, valueType, at));
      });
      return values;
    }
    if (raw.isRecord()) {
      return RecordShape.of(raw).read(object(node, path, raw), path, this);
    }
    throw new MappingException(at(path) + "cannot read a " + raw.getName() + ": it is not one of the Salesflow "
        + "types this module maps");
  }

  private SalesEvent event(Map<?, ?> json, Class<?> expected, String path) {
    String at = child(path, "type");
    EventType type;
    Object id = json.get("type");
    if (id != null) {
      type = eventType(text(id, at, "an event type id, such as \"contact-made\""), at);
    } else {
      // the record of a built-in type, asked for by its class, needs no type member
      type = EventType.builtIn().stream().filter(t -> t.eventClass().orElseThrow() == expected).findFirst()
          .orElseThrow(() -> new MappingException(at(at) + "missing; expected the event's type id, such as "
              + "\"contact-made\""));
    }
    if (!eventTypes.accepts(type)) {
      throw unknownEventType(type.id(), at, null);
    }
    Class<? extends SalesEvent> recordClass = type.eventClass().orElse(SalesEvent.Custom.class);
    if (!expected.isAssignableFrom(recordClass)) {
      throw new MappingException(at(at) + "expected " + describe(expected) + ", but the event's type is '"
          + type.id() + "'");
    }
    return (SalesEvent) RecordShape.of(recordClass).read(json, path, this);
  }

  private EventType eventType(String id, String path) {
    try {
      return new EventType(id);
    } catch (IllegalArgumentException e) {
      throw unknownEventType(id, path, e.getMessage());
    }
  }

  private MappingException unknownEventType(String id, String path, @Nullable String malformed) {
    String message = at(path) + "unknown event type '" + cut(id) + "'";
    if (malformed != null) {
      return new MappingException.UnknownEventType(id, message + ": " + malformed);
    }
    String builtIn = EventType.builtIn().stream().map(EventType::id).collect(Collectors.joining(", "));
    String registered = eventTypes.customIds().isEmpty() ? "no custom type is registered"
        : "the custom types registered are " + String.join(", ", eventTypes.customIds());
    return new MappingException.UnknownEventType(id, message + ": the built-in types are " + builtIn + ", and "
        + registered + ". Register a custom type with new " + moduleName + "().withEventTypes(EventType.custom(\""
        + cut(id) + "\")) or withEventTypesOf(process)");
  }

  private FireResult fireResult(Map<?, ?> json, Class<?> expected, String path) {
    boolean accepted = (Boolean) Objects.requireNonNull(member(json, "accepted", boolean.class, false, path));
    Deal deal = (Deal) Objects.requireNonNull(member(json, "deal", Deal.class, false, path));
    FireResult result;
    if (accepted) {
      TransitionRecord transition = (TransitionRecord) member(json, "transition", TransitionRecord.class, false, path);
      result = build(path, () -> new FireResult.Accepted(deal, transition));
    } else {
      SalesEvent event = (SalesEvent) member(json, "event", SalesEvent.class, false, path);
      FireResult.RejectionKind kind = (FireResult.RejectionKind) member(json, "kind", FireResult.RejectionKind.class,
          false, path);
      List<String> reasons = elements(member(json, "reasons", listOf(String.class), false, path), String.class);
      result = build(path, () -> new FireResult.Rejected(deal, event, kind, reasons));
    }
    if (!expected.isInstance(result)) {
      throw new MappingException(at(child(path, "accepted")) + "expected " + (accepted ? "false" : "true")
          + " for " + expected.getSimpleName() + ", but was " + accepted);
    }
    return result;
  }

  /** Each enum's constants by the label they are written as, for the common case of reading that very text. */
  private static final ClassValue<Map<String, Object>> LABELS = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      Map<String, Object> labels = new java.util.HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        labels.put(label((Enum<?>) constant), constant);
      }
      return labels;
    }
  };

  private static Object constant(Object node, Class<?> type, String path) {
    if (node instanceof String label) {
      Object constant = LABELS.get(type).get(label);
      if (constant != null) {
        return constant;
      }
    }
    String text = text(node, path, describe(type));
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new MappingException(at(path) + "'" + cut(text) + "' is not a " + words(type) + "; expected "
        + describe(type));
  }

  // ------------------------------------------------------------------------------- values written as properties

  /**
   * {@link Deal}: its identity, process version (absent for 1), position and times, start key, owner and who started
   * it (each absent when unknown), then its facts and history.
   */
  private static final Shape<Deal, Deal.Builder> DEAL = new Shape<Deal, Deal.Builder>(Deal::builder, b -> b.build())
      .required("id", String.class, Deal::id, (b, v) -> b.id(v))
      .required("processId", String.class, Deal::processId, (b, v) -> b.processId(v))
      // absent for version 1, as every deal stored before processes had versions reads
      .optional("processVersion", Integer.class, d -> d.processVersion() == 1 ? null : d.processVersion(),
          (b, v) -> b.processVersion(v))
      .required("stage", String.class, Deal::stage, (b, v) -> b.stage(v))
      .required("version", Long.class, Deal::version, (b, v) -> b.version(v))
      .required("createdAt", Instant.class, Deal::createdAt, (b, v) -> b.createdAt(v))
      .required("enteredStageAt", Instant.class, Deal::enteredStageAt, (b, v) -> b.enteredStageAt(v))
      .optional("startKey", String.class, Deal::startKey, (b, v) -> b.startKey(v))
      .optional("owner", String.class, Deal::owner, (b, v) -> b.owner(v))
      .optional("startedBy", String.class, Deal::startedBy, (b, v) -> b.startedBy(v))
      .optional("facts", DealFacts.class, Deal::facts, (b, v) -> b.facts(v))
      .optional("history", TransitionHistory.class, Deal::history, (b, v) -> b.history(v));

  /**
   * {@link DealFacts}: every fact, each optional on read (an absent fact is unknown, empty or zero). The expansion,
   * stakeholder and scorecard lists are left out while empty, so that deals without them read as before they existed.
   */
  private static final Shape<DealFacts, DealFacts.Builder> FACTS =
      new Shape<DealFacts, DealFacts.Builder>(DealFacts::builder, DealFacts.Builder::build)
      .optional("bant", BantAssessment.class, DealFacts::bant, DealFacts.Builder::bant)
      .optional("amount", BigDecimal.class, DealFacts::amount, DealFacts.Builder::amount)
      .optional("contactChannels", setOf(ContactChannel.class), DealFacts::contactChannels,
          (b, v) -> b.contactChannels(elements(v, ContactChannel.class)))
      .optional("followUps", FollowUpLog.class, DealFacts::followUps, DealFacts.Builder::followUps)
      .optional("openObjections", listOf(DealFacts.Objection.class), DealFacts::openObjections,
          (b, v) -> b.openObjections(elements(v, DealFacts.Objection.class)))
      .optional("resolvedObjections", Integer.class, DealFacts::resolvedObjections,
          DealFacts.Builder::resolvedObjections)
      .optional("presentations", Integer.class, DealFacts::presentations, DealFacts.Builder::presentations)
      .optional("referralsGiven", Integer.class, DealFacts::referralsGiven, DealFacts.Builder::referralsGiven)
      .optional("source", String.class, DealFacts::source, DealFacts.Builder::source)
      .optional("leadTemperature", LeadTemperature.class, DealFacts::leadTemperature,
          DealFacts.Builder::leadTemperature)
      .optional("approachMethod", ApproachMethod.class, DealFacts::approachMethod, DealFacts.Builder::approachMethod)
      .optional("closingTechnique", ClosingTechnique.class, DealFacts::closingTechnique,
          DealFacts.Builder::closingTechnique)
      .optional("proposalSentAt", Instant.class, DealFacts::proposalSentAt, DealFacts.Builder::proposalSentAt)
      .optional("contractSignedAt", Instant.class, DealFacts::contractSignedAt, DealFacts.Builder::contractSignedAt)
      .optional("onboardedAt", Instant.class, DealFacts::onboardedAt, DealFacts.Builder::onboardedAt)
      .optional("lossReason", LossReason.class, DealFacts::lossReason, DealFacts.Builder::lossReason)
      .optional("disqualificationReason", String.class, DealFacts::disqualificationReason,
          DealFacts.Builder::disqualificationReason)
      .optional("attributes", mapOf(String.class), DealFacts::attributes,
          (b, v) -> b.attributes(entries(v, String.class)))
      .optional("expectedClose", LocalDate.class, DealFacts::expectedClose, DealFacts.Builder::expectedClose)
      .optional("forecastCategory", Stage.ForecastCategory.class, DealFacts::forecastCategory,
          DealFacts.Builder::forecastCategory)
      .optional("leadSource", SalesEvent.LeadSource.class, DealFacts::leadSource, DealFacts.Builder::leadSource)
      .optional("parentDealId", String.class, DealFacts::parentDealId, DealFacts.Builder::parentDealId)
      .optional("expansions", listOf(DealFacts.Expansion.class),
          f -> f.expansions().isEmpty() ? null : f.expansions(),
          (b, v) -> b.addAllExpansions(elements(v, DealFacts.Expansion.class)))
      .optional("stakeholders", listOf(DealFacts.Stakeholder.class),
          f -> f.stakeholders().isEmpty() ? null : f.stakeholders(),
          (b, v) -> b.addAllStakeholders(elements(v, DealFacts.Stakeholder.class)))
      .optional("negotiatedTerms", DealFacts.Terms.class, DealFacts::negotiatedTerms,
          DealFacts.Builder::negotiatedTerms)
      .optional("scorecards", listOf(DealFacts.Scorecard.class),
          f -> f.scorecards().isEmpty() ? null : f.scorecards(),
          (b, v) -> b.addAllScorecards(elements(v, DealFacts.Scorecard.class)));

  /** {@link BantAssessment}: a member per dimension assessed; a dimension not assessed has none. */
  private static final Shape<BantAssessment, BantAssessment.Builder> BANT =
      new Shape<BantAssessment, BantAssessment.Builder>(BantAssessment::builder, b -> b.build())
      .optional("budget", BantAssessment.Budget.class, BantAssessment::budget, (b, v) -> b.budget(v))
      .optional("authority", BantAssessment.Authority.class, BantAssessment::authority, (b, v) -> b.authority(v))
      .optional("need", BantAssessment.Need.class, BantAssessment::need, (b, v) -> b.need(v))
      .optional("timing", BantAssessment.Timing.class, BantAssessment::timing, (b, v) -> b.timing(v));

  /**
   * How a value that is built through a builder maps to an object of its properties, in the order they are
   * declared. Declared once, in a static initialiser, and not changed after.
   *
   * @param <V> the value's type
   * @param <B> its builder's type
   */
  private static final class Shape<V, B> {
    private final Supplier<B> builder;
    private final Function<B, V> build;
    private final List<Property<V, B>> properties = new ArrayList<>();

    Shape(Supplier<B> builder, Function<B, V> build) {
      this.builder = builder;
      this.build = build;
    }

    /** A member every JSON form of the value has. */
    <T> Shape<V, B> required(String name, Class<T> type, Function<V, ?> get, BiConsumer<B, T> set) {
      properties.add(new Property<>(name, type, true, get, (b, v) -> set.accept(b, type.cast(v))));
      return this;
    }

    /** A member that may be absent: the builder's default stands. */
    <T> Shape<V, B> optional(String name, Class<T> type, Function<V, ?> get, BiConsumer<B, T> set) {
      properties.add(new Property<>(name, type, false, get, (b, v) -> set.accept(b, type.cast(v))));
      return this;
    }

    /** An optional member of a generic type (a list, set or map): {@code set} checks the elements itself. */
    Shape<V, B> optional(String name, ParameterizedType type, Function<V, ?> get, BiConsumer<B, Object> set) {
      properties.add(new Property<>(name, type, false, get, set));
      return this;
    }

    Map<String, Object> write(V value, ModelMapping mapping) {
      Map<String, Object> json = new LinkedHashMap<>();
      for (Property<V, B> property : properties) {
        mapping.member(json, property.name(), property.get().apply(value));
      }
      return json;
    }

    V read(Map<?, ?> json, String path, ModelMapping mapping) {
      B b = builder.get();
      for (Property<V, B> property : properties) {
        if (json.get(property.name()) != null || property.required()) {
          Object value = Objects.requireNonNull(mapping.member(json, property.name(), property.type(), false, path));
          ModelMapping.build(child(path, property.name()), () -> {
            property.set().accept(b, value);
            return b;
          });
        }
      }
      return ModelMapping.build(path, () -> build.apply(b));
    }
  }

  /** A member of a value that is read through a builder. */
  private record Property<V, B>(String name, Type type, boolean required, Function<V, ?> get,
      BiConsumer<B, Object> set) {}

  // ------------------------------------------------------------------------------------------------ tree helpers

  /** Runs {@code step}, turning a refusal of the model (a bad value, an inconsistent deal) into a mapping error. */
  private static <T> T build(String path, Supplier<T> step) {
    try {
      return step.get();
    } catch (MappingException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
      throw new MappingException(at(path) + e.getMessage(), e);
    }
  }

  private static Map<?, ?> object(Object node, String path, Class<?> type) {
    if (node instanceof Map<?, ?> map) {
      return map;
    }
    throw expected(path, describe(type), node);
  }

  private static String text(Object node, String path, String expected) {
    if (node instanceof String text) {
      return text;
    }
    throw expected(path, expected, node);
  }

  private static BigDecimal number(Object node, String path, String expected) {
    if (node instanceof BigDecimal decimal) {
      return decimal;
    }
    if (node instanceof Number || node instanceof String) {
      // numbers in a tree built by hand, and amounts sent as strings by clients that fear floating point
      try {
        return new BigDecimal(node.toString().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw expected(path, expected, node);
  }

  private static Object exact(String path, Object node, String expected, Function<BigDecimal, Object> conversion) {
    BigDecimal number = number(node, path, expected);
    try {
      return conversion.apply(number);
    } catch (ArithmeticException e) {
      throw expected(path, expected + " in range", node);
    }
  }

  private static Object parse(Object node, String path, Class<?> type, Function<String, Object> parser) {
    if (!(node instanceof String text)) {
      throw expected(path, describe(type), node);
    }
    try {
      return parser.apply(text.trim());
    } catch (DateTimeParseException e) {
      throw expected(path, describe(type), node);
    }
  }

  /**
   * Parses an ISO-8601 instant as {@link Instant#parse} does, fast for the form {@link Instant#toString} writes
   * ({@code 2026-11-02T09:00:00Z}, with 1 to 9 digits of a second's fraction): a stored deal has dozens of them, and
   * {@code Instant.parse} takes about a microsecond each. Any other text (a year past 9999, an offset, a leap
   * second, an invalid date) goes to {@link Instant#parse}, so it is accepted or refused exactly as there.
   */
  static Instant parseInstant(String text) {
    int n = text.length();
    if (n < 20 || n > 30 || n == 21 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
        || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':' || (n > 20
        && text.charAt(19) != '.')) {
      return Instant.parse(text);
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = 0;
    if (n > 20) {
      nanos = digits(text, 20, n - 1);
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOfMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || nanos < 0) {
      return Instant.parse(text);
    }
    return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
        + minute * 60L + second, nanos);
  }

  /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return YearMonth.of(year, month).lengthOfMonth();
  }


  private static MappingException expected(String path, String expected, @Nullable Object node) {
    return new MappingException(at(path) + "expected " + expected + ", but was " + show(node));
  }

  /** The prefix of a message about the member at {@code path}; nothing at the root. */
  static String at(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String show(@Nullable Object node) {
    if (node instanceof String text) {
      return "\"" + cut(text) + "\"";
    }
    if (node instanceof Map<?, ?>) {
      return "an object";
    }
    if (node instanceof List<?>) {
      return "an array";
    }
    return String.valueOf(node);
  }

  /** A value quoted in a message, cut to a readable length. */
  private static String cut(String text) {
    return text.length() <= 64 ? text : text.substring(0, 61) + "...";
  }

  /** What a reader expects for a type, as a message puts it. */
  private static String describe(Type type) {
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return "a string";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(raw) || raw == double.class) {
      return "a number";
    }
    if (raw == Instant.class) {
      return "an ISO-8601 instant, such as \"2026-01-05T09:00:00Z\"";
    }
    if (raw == LocalDate.class) {
      return "an ISO-8601 date, such as \"2026-03-31\"";
    }
    if (raw == Duration.class) {
      return "an ISO-8601 duration, such as \"P14D\"";
    }
    if (raw.isEnum()) {
      return "one of " + Arrays.stream(raw.getEnumConstants()).map(c -> label((Enum<?>) c))
          .collect(Collectors.joining(", "));
    }
    if (raw == EventType.class) {
      return "an event type id, such as \"closed-won\"";
    }
    if (SalesEvent.class.isAssignableFrom(raw) && raw != SalesEvent.class) {
      return "an event of type " + EventType.builtIn().stream().filter(t -> t.eventClass().orElseThrow() == raw)
          .map(t -> "'" + t.id() + "'").findFirst().orElse("custom");
    }
    if (Collection.class.isAssignableFrom(raw) || raw == TransitionHistory.class || raw == FollowUpLog.class) {
      return "an array";
    }
    return "an object (" + words(raw) + ")";
  }

  /** {@code ContactChannel} as {@code "contact channel"}. */
  private static String words(Class<?> type) {
    return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  // --------------------------------------------------------------------------------------------- generic types

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unexpected type " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      Type argument = p.getActualTypeArguments()[index];
      return argument instanceof java.lang.reflect.WildcardType w ? w.getUpperBounds()[0] : argument;
    }
    return Object.class;
  }

  private static ParameterizedType listOf(Class<?> element) {
    return new Generic(List.class, element);
  }

  private static ParameterizedType setOf(Class<?> element) {
    return new Generic(Set.class, element);
  }

  private static ParameterizedType mapOf(Class<?> value) {
    return new Generic(Map.class, String.class, value);
  }

  /** The elements of a collection this mapping read, each checked to be of {@code type}. */
  private static <E> List<E> elements(@Nullable Object collection, Class<E> type) {
    List<E> elements = new ArrayList<>();
    for (Object element : (Collection<?>) Objects.requireNonNull(collection)) {
      elements.add(type.cast(element));
    }
    return elements;
  }

  /** The entries of a map this mapping read, each value checked to be of {@code type}. */
  private static <E> Map<String, E> entries(@Nullable Object map, Class<E> type) {
    Map<String, E> entries = new LinkedHashMap<>();
    ((Map<?, ?>) Objects.requireNonNull(map)).forEach((k, v) -> entries.put((String) k, type.cast(v)));
    return entries;
  }

  /** A generic type such as {@code List<Objection>}, for reading members of one. */
  private record Generic(Class<?> rawType, Type... arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return rawType;
    }

    @Override
    public @Nullable Type getOwnerType() {
      return null;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Generic that && rawType == that.rawType && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
      return rawType.hashCode() * 31 + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
      return rawType.getSimpleName() + Arrays.toString(arguments);
    }
  }
}
