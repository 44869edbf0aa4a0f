package io.salesflow.store.jdbc;

import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.DealFacts.Objection;
import io.salesflow.EventType;
import io.salesflow.FollowUpLog;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.Stage;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns deal facts and sales events into the store's JSON documents and back, exactly: instants keep their
 * nanoseconds, amounts their scale. Enums are stored by constant name. Stateless and thread-safe.
 *
 * <p>An event is stored as its type's id, its {@code occurredAt}, and one member per other component of its record,
 * named as the component and written by the component's type ({@link RecordCodec}): a new built-in event needs no
 * code here, unless its payload has a type that {@link #kind} does not know yet, which fails naming it. A custom
 * event is stored as its type's id, its {@code occurredAt} and its {@code attributes}.
 *
 * <p>Each document carries {@code "format": 1}; a reader meeting a newer format fails with a message that says so.
 */
final class DealCodec {
  /** The document format this codec writes. */
  static final int FORMAT = 1;

  private DealCodec() {}

  /** The deal state that is not a column: exact creation and stage entry times, and the facts. */
  record State(Instant createdAt, Instant enteredStageAt, DealFacts facts) {}

  /** The part of a transition record that is not a column: the exact time it was recorded, and the event. */
  record Payload(Instant at, SalesEvent event) {}

  // ---------------------------------------------------------------- writing

  /** Returns the JSON document of a deal's state. */
  static String writeState(State state) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("createdAt", state.createdAt().toString());
    doc.put("enteredStageAt", state.enteredStageAt().toString());
    doc.put("facts", facts(state.facts()));
    return Json.write(doc);
  }

  /** Returns the JSON document of a transition's payload. */
  static String writePayload(Payload payload) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("at", payload.at().toString());
    doc.put("event", event(payload.event()));
    return Json.write(doc);
  }

  private static Map<String, Object> facts(DealFacts f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bant", bant(f.bant()));
    f.amount().ifPresent(a -> m.put("amount", a.toString()));
    f.source().ifPresent(s -> m.put("source", s));
    f.leadTemperature().ifPresent(t -> m.put("leadTemperature", t.name()));
    f.approachMethod().ifPresent(a -> m.put("approachMethod", a.name()));
    f.closingTechnique().ifPresent(t -> m.put("closingTechnique", t.name()));
    m.put("contactChannels", f.contactChannels().stream().sorted().map(Enum::name).toList());
    List<Object> followUps = new ArrayList<>();
    for (FollowUp followUp : f.followUps().asList()) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("at", followUp.at().toString());
      u.put("channel", followUp.channel().name());
      u.put("outcome", followUp.outcome().name());
      followUps.add(u);
    }
    m.put("followUps", followUps);
    List<Object> objections = new ArrayList<>();
    for (Objection objection : f.openObjections()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("category", objection.category().name());
      o.put("detail", objection.detail());
      o.put("raisedAt", objection.raisedAt().toString());
      objections.add(o);
    }
    m.put("openObjections", objections);
    m.put("resolvedObjections", f.resolvedObjections());
    m.put("presentations", f.presentations());
    m.put("referralsGiven", f.referralsGiven());
    f.proposalSentAt().ifPresent(t -> m.put("proposalSentAt", t.toString()));
    f.contractSignedAt().ifPresent(t -> m.put("contractSignedAt", t.toString()));
    f.onboardedAt().ifPresent(t -> m.put("onboardedAt", t.toString()));
    f.lossReason().ifPresent(r -> m.put("lossReason", r.name()));
    f.disqualificationReason().ifPresent(r -> m.put("disqualificationReason", r));
    m.put("attributes", new TreeMap<>(f.attributes()));
    commercial(f, m);
    return m;
  }

  /** The forecast, source, stakeholder, terms, scorecard and expansion facts; none is written while unknown. */
  private static void commercial(DealFacts f, Map<String, Object> m) {
    f.expectedClose().ifPresent(d -> m.put("expectedClose", d.toString()));
    f.forecastCategory().ifPresent(c -> m.put("forecastCategory", c.name()));
    f.leadSource().ifPresent(s -> m.put("leadSource", s.name()));
    f.parentDealId().ifPresent(id -> m.put("parentDealId", id));
    if (!f.expansions().isEmpty()) {
      List<Object> expansions = new ArrayList<>();
      for (DealFacts.Expansion x : f.expansions()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("dealId", x.dealId());
        e.put("kind", x.kind().name());
        e.put("startedAt", x.startedAt().toString());
        expansions.add(e);
      }
      m.put("expansions", expansions);
    }
    if (!f.stakeholders().isEmpty()) {
      List<Object> stakeholders = new ArrayList<>();
      for (DealFacts.Stakeholder x : f.stakeholders()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("contact", x.contact());
        e.put("role", x.role().name());
        e.put("engagedAt", x.engagedAt().toString());
        stakeholders.add(e);
      }
      m.put("stakeholders", stakeholders);
    }
    f.negotiatedTerms().ifPresent(t -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("summary", t.summary());
      if (t.discountPercent() != null) {
        e.put("discountPercent", t.discountPercent().toString());
      }
      if (t.paymentTerms() != null) {
        e.put("paymentTerms", t.paymentTerms());
      }
      e.put("agreedAt", t.agreedAt().toString());
      m.put("negotiatedTerms", e);
    });
    if (!f.scorecards().isEmpty()) {
      List<Object> cards = new ArrayList<>();
      for (DealFacts.Scorecard card : f.scorecards()) {
        cards.add(scorecard(card));
      }
      m.put("scorecards", cards);
    }
  }

  private static Map<String, Object> scorecard(DealFacts.Scorecard card) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("framework", card.framework().name());
    List<Object> findings = new ArrayList<>();
    for (DealFacts.Scorecard.Finding finding : card.findings()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("element", finding.element().name());
      x.put("confirmed", finding.confirmed());
      x.put("note", finding.note());
      findings.add(x);
    }
    e.put("findings", findings);
    return e;
  }

  private static DealFacts.Scorecard scorecard(Doc d) {
    List<DealFacts.Scorecard.Finding> findings = new ArrayList<>();
    for (Doc x : d.docs("findings")) {
      findings.add(new DealFacts.Scorecard.Finding(DealFacts.Scorecard.Element.valueOf(x.string("element")),
          x.bool("confirmed"), x.string("note")));
    }
    return new DealFacts.Scorecard(DealFacts.Scorecard.Framework.valueOf(d.string("framework")), findings);
  }

  private static void commercial(Doc d, DealFacts.Builder b) {
    String close = d.optString("expectedClose");
    if (close != null) {
      b.expectedClose(LocalDate.parse(close));
    }
    String category = d.optString("forecastCategory");
    if (category != null) {
      b.forecastCategory(Stage.ForecastCategory.valueOf(category));
    }
    String source = d.optString("leadSource");
    if (source != null) {
      b.leadSource(SalesEvent.LeadSource.valueOf(source));
    }
    String parent = d.optString("parentDealId");
    if (parent != null) {
      b.parentDealId(parent);
    }
    if (d.has("expansions")) {
      for (Doc x : d.docs("expansions")) {
        b.addExpansions(new DealFacts.Expansion(x.string("dealId"), SalesEvent.LeadSource.valueOf(x.string("kind")),
            x.instant("startedAt")));
      }
    }
    if (d.has("stakeholders")) {
      for (Doc x : d.docs("stakeholders")) {
        b.addStakeholders(new DealFacts.Stakeholder(x.string("contact"),
            SalesEvent.StakeholderRole.valueOf(x.string("role")), x.instant("engagedAt")));
      }
    }
    Doc terms = d.optDoc("negotiatedTerms");
    if (terms != null) {
      String discount = terms.optString("discountPercent");
      b.negotiatedTerms(new DealFacts.Terms(terms.string("summary"), discount == null ? null : new BigDecimal(discount),
          terms.optString("paymentTerms"), terms.instant("agreedAt")));
    }
    if (d.has("scorecards")) {
      for (Doc x : d.docs("scorecards")) {
        b.addScorecards(scorecard(x));
      }
    }
  }

  private static Map<String, Object> bant(BantAssessment b) {
    // Ordered maps throughout: Map.of iterates in an order that changes from one JVM run to the next.
    Map<String, Object> m = new LinkedHashMap<>();
    b.budget().ifPresent(x -> {
      Map<String, Object> budget = new LinkedHashMap<>();
      budget.put("amount", x.amount().toString());
      budget.put("confirmed", x.confirmed());
      m.put("budget", budget);
    });
    b.authority().ifPresent(x -> {
      Map<String, Object> authority = new LinkedHashMap<>();
      authority.put("decisionMakerIdentified", x.decisionMakerIdentified());
      authority.put("stakeholders", x.stakeholders());
      m.put("authority", authority);
    });
    b.need().ifPresent(x -> m.put("need", Map.of("painPoints", x.painPoints())));
    b.timing().ifPresent(x -> m.put("timing", Map.of("decisionDate", x.decisionDate().toString())));
    return m;
  }

  private static Map<String, Object> event(SalesEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", event.type().id());
    m.put("occurredAt", event.occurredAt().toString());
    if (event instanceof SalesEvent.Custom custom) {
      m.put("attributes", new TreeMap<>(custom.attributes()));
    } else {
      EVENT_CODECS.get(event.getClass()).write(event, m);
    }
    return m;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads a deal's state document.
   *
   * @throws IllegalArgumentException if the document is malformed or of a newer format
   */
  static State readState(String json) {
    Doc doc = document(json);
    return new State(doc.instant("createdAt"), doc.instant("enteredStageAt"), facts(doc.doc("facts")));
  }

  /**
   * Reads a transition's payload document.
   *
   * @throws IllegalArgumentException if the document is malformed or of a newer format
   */
  static Payload readPayload(String json) {
    Doc doc = document(json);
    return new Payload(doc.instant("at"), event(doc.doc("event")));
  }

  private static Doc document(String json) {
    Object root = Json.read(json);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected a JSON object, but found " + excerpt(json));
    }
    Doc doc = new Doc(map);
    int format = doc.integer("format");
    if (format != FORMAT) {
      throw new IllegalArgumentException("document format " + format + " is not supported by this version, which "
          + "reads format " + FORMAT + "; was it written by a newer Salesflow?");
    }
    return doc;
  }

  /** The start of a stored text, for a message: a damaged document can be any length. */
  static String excerpt(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " characters)";
  }

  private static DealFacts facts(Doc d) {
    DealFacts.Builder b = DealFacts.builder();
    b.bant(bant(d.doc("bant")));
    String amount = d.optString("amount");
    if (amount != null) {
      b.amount(new BigDecimal(amount));
    }
    String source = d.optString("source");
    if (source != null) {
      b.source(source);
    }
    String temperature = d.optString("leadTemperature");
    if (temperature != null) {
      b.leadTemperature(LeadTemperature.valueOf(temperature));
    }
    String approach = d.optString("approachMethod");
    if (approach != null) {
      b.approachMethod(ApproachMethod.valueOf(approach));
    }
    String technique = d.optString("closingTechnique");
    if (technique != null) {
      b.closingTechnique(ClosingTechnique.valueOf(technique));
    }
    TreeSet<ContactChannel> channels = new TreeSet<>();
    for (Object c : d.list("contactChannels")) {
      channels.add(ContactChannel.valueOf((String) c));
    }
    b.contactChannels(channels);
    List<FollowUp> followUps = new ArrayList<>();
    for (Doc u : d.docs("followUps")) {
      followUps.add(new FollowUp(u.instant("at"), ContactChannel.valueOf(u.string("channel")),
          FollowUpOutcome.valueOf(u.string("outcome"))));
    }
    b.followUps(FollowUpLog.of(followUps));
    List<Objection> objections = new ArrayList<>();
    for (Doc o : d.docs("openObjections")) {
      objections.add(new Objection(ObjectionCategory.valueOf(o.string("category")), o.string("detail"),
          o.instant("raisedAt")));
    }
    b.openObjections(objections);
    b.resolvedObjections(d.integer("resolvedObjections"));
    b.presentations(d.integer("presentations"));
    b.referralsGiven(d.integer("referralsGiven"));
    Instant proposal = d.optInstant("proposalSentAt");
    if (proposal != null) {
      b.proposalSentAt(proposal);
    }
    Instant contract = d.optInstant("contractSignedAt");
    if (contract != null) {
      b.contractSignedAt(contract);
    }
    Instant onboarded = d.optInstant("onboardedAt");
    if (onboarded != null) {
      b.onboardedAt(onboarded);
    }
    String loss = d.optString("lossReason");
    if (loss != null) {
      b.lossReason(LossReason.valueOf(loss));
    }
    String disqualification = d.optString("disqualificationReason");
    if (disqualification != null) {
      b.disqualificationReason(disqualification);
    }
    b.attributes(d.strings("attributes"));
    commercial(d, b);
    return b.build();
  }

  private static BantAssessment bant(Doc d) {
    BantAssessment.Builder b = BantAssessment.builder();
    Doc budget = d.optDoc("budget");
    if (budget != null) {
      b.budget(new BigDecimal(budget.string("amount")), budget.bool("confirmed"));
    }
    Doc authority = d.optDoc("authority");
    if (authority != null) {
      b.authority(authority.bool("decisionMakerIdentified"), authority.integer("stakeholders"));
    }
    Doc need = d.optDoc("need");
    if (need != null) {
      List<String> painPoints = new ArrayList<>();
      for (Object p : need.list("painPoints")) {
        painPoints.add((String) p);
      }
      b.need(new BantAssessment.Need(painPoints));
    }
    Doc timing = d.optDoc("timing");
    if (timing != null) {
      b.decisionBy(LocalDate.parse(timing.string("decisionDate")));
    }
    return b.build();
  }

  private static SalesEvent event(Doc d) {
    EventType type = new EventType(d.string("type"));
    Optional<Class<? extends SalesEvent>> eventClass = type.eventClass();
    if (eventClass.isEmpty()) {
      return new SalesEvent.Custom(type, d.instant("occurredAt"), d.strings("attributes"));
    }
    return (SalesEvent) EVENT_CODECS.get(eventClass.get()).read(d);
  }

  // ---------------------------------------------------------------- events, from their records

  /** The codec of each built-in event record, made on first use from the record's components. */
  private static final ClassValue<RecordCodec> EVENT_CODECS = new ClassValue<>() {
    @Override
    protected RecordCodec computeValue(Class<?> type) {
      return RecordCodec.of(type);
    }
  };

  /**
   * How a record is stored: one member per component, named as the component and in declaration order, holding
   * the component's value as its {@link Kind kind} writes it; a null component has no member. {@code occurredAt}
   * is left to the caller, which writes it right after the event's type.
   */
  static final class RecordCodec {
    private final Component[] components;
    private final Component[] written;
    /** The canonical constructor, taking the components as one {@code Object[]}. */
    private final MethodHandle constructor;

    private RecordCodec(Component[] components, MethodHandle constructor) {
      this.components = components;
      this.written = Arrays.stream(components).filter(c -> !c.name.equals("occurredAt")).toArray(Component[]::new);
      this.constructor = constructor;
    }

    /**
     * Makes the codec of a record class.
     *
     * @throws IllegalArgumentException if a component is of a type this codec cannot store, naming the record, the
     *     component and its type
     */
    static RecordCodec of(Class<?> recordClass) {
      if (!recordClass.isRecord()) {
        throw new IllegalArgumentException(recordClass.getName() + " is not a record");
      }
      RecordComponent[] recordComponents = recordClass.getRecordComponents();
      Kind[] kinds = new Kind[recordComponents.length];
      Class<?>[] types = new Class<?>[recordComponents.length];
      for (int i = 0; i < recordComponents.length; i++) {
        kinds[i] = kind(recordClass, recordComponents[i]);
        types[i] = recordComponents[i].getType();
      }
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      try {
        Component[] components = new Component[recordComponents.length];
        for (int i = 0; i < recordComponents.length; i++) {
          RecordComponent rc = recordComponents[i];
          components[i] = new Component(rc.getName(), kinds[i],
              rc.getAnnotatedType().isAnnotationPresent(Nullable.class),
              lookup.unreflect(rc.getAccessor()).asType(MethodType.methodType(Object.class, Object.class)));
        }
        MethodHandle constructor = lookup.findConstructor(recordClass, MethodType.methodType(void.class, types))
            .asSpreader(Object[].class, types.length)
            .asType(MethodType.methodType(Object.class, Object[].class));
        return new RecordCodec(components, constructor);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IllegalStateException("cannot reach the accessors and canonical constructor of "
            + recordClass.getName() + ": " + e.getMessage(), e);
      }
    }

    void write(Object record, Map<String, Object> m) {
      for (Component c : written) {
        Object value = c.get(record);
        if (value != null) {
          m.put(c.name, c.kind.write.apply(value));
        }
      }
    }

    Object read(Doc d) {
      @Nullable Object[] args = new Object[components.length];
      for (int i = 0; i < args.length; i++) {
        args[i] = components[i].read(d);
      }
      try {
        return (Object) constructor.invokeExact(args);
      } catch (RuntimeException | Error e) {
        throw e; // the record refused the values, for example a blank reason: its message says which
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A record component: its name, how its values are stored, whether it may be null, and its accessor. */
  private static final class Component {
    final String name;
    final Kind kind;
    final boolean nullable;
    /** The accessor, as {@code (Object) -> Object}. */
    final MethodHandle accessor;

    Component(String name, Kind kind, boolean nullable, MethodHandle accessor) {
      this.name = name;
      this.kind = kind;
      this.nullable = nullable;
      this.accessor = accessor;
    }

    @Nullable Object get(Object record) {
      try {
        return (Object) accessor.invokeExact(record);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    @Nullable Object read(Doc d) {
      Object value = nullable ? d.opt(name, kind.json) : d.req(name, kind.json);
      if (value == null) {
        return null;
      }
      try {
        return kind.read.apply(value);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("member '" + name + "' cannot be read: " + e.getMessage(), e);
      }
    }
  }

  /**
   * How values of one Java type are stored.
   *
   * @param json the class of the stored value as {@link Json#read} returns it
   * @param write from the component's value to the stored value
   * @param read from the stored value to the component's value
   */
  private record Kind(Class<?> json, Function<Object, Object> write, Function<Object, Object> read) {}

  private static final Kind STRING = new Kind(String.class, v -> v, v -> v);
  private static final Kind DECIMAL = new Kind(String.class, Object::toString, v -> new BigDecimal((String) v));
  private static final Kind INSTANT = new Kind(String.class, Object::toString, v -> Instant.parse((String) v));
  private static final Kind DATE = new Kind(String.class, Object::toString, v -> LocalDate.parse((String) v));
  private static final Kind BANT = new Kind(Map.class, v -> bant((BantAssessment) v),
      v -> bant(new Doc((Map<?, ?>) v)));
  private static final Kind SCORECARD = new Kind(Map.class, v -> scorecard((DealFacts.Scorecard) v),
      v -> scorecard(new Doc((Map<?, ?>) v)));
  private static final Kind STRING_MAP = new Kind(Map.class, v -> new TreeMap<>((Map<?, ?>) v),
      v -> Doc.strings((Map<?, ?>) v));

  /**
   * Returns how a component is stored, by its type. A payload of a new type needs a case here.
   *
   * @throws IllegalArgumentException naming the record, the component and its type, if there is no case for it
   */
  private static Kind kind(Class<?> recordClass, RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class) {
      return STRING;
    }
    if (type.isEnum()) {
      return enumKind(type);
    }
    if (type == BigDecimal.class) {
      return DECIMAL;
    }
    if (type == Instant.class) {
      return INSTANT;
    }
    if (type == LocalDate.class) {
      return DATE;
    }
    if (type == BantAssessment.class) {
      return BANT;
    }
    if (type == DealFacts.Scorecard.class) {
      return SCORECARD;
    }
    if (type == Map.class && component.getGenericType() instanceof ParameterizedType p
        && Arrays.equals(p.getActualTypeArguments(), new Type[] {String.class, String.class})) {
      return STRING_MAP;
    }
    throw new IllegalArgumentException("the store cannot write component '" + component.getName() + "' of "
        + recordClass.getName() + ": its type " + component.getGenericType().getTypeName() + " has no case in "
        + DealCodec.class.getName() + ".kind(); add one that writes it as a JSON value and reads it back");
  }

  /** Stores an enum by constant name. */
  private static Kind enumKind(Class<?> type) {
    Map<String, Object> byName = new HashMap<>();
    for (Object constant : type.getEnumConstants()) {
      byName.put(((Enum<?>) constant).name(), constant);
    }
    return new Kind(String.class, v -> ((Enum<?>) v).name(), v -> {
      Object constant = byName.get(v);
      if (constant == null) {
        throw new IllegalArgumentException("'" + v + "' is not a " + type.getSimpleName() + ", one of "
            + new TreeSet<>(byName.keySet()));
      }
      return constant;
    });
  }

  /** Typed access to a JSON object, with messages that name the missing or mistyped member. */
  static final class Doc {
    private final Map<?, ?> map;

    Doc(Map<?, ?> map) {
      this.map = map;
    }

    private <T> @Nullable T opt(String name, Class<T> type) {
      Object value = map.get(name);
      if (value == null) {
        return null;
      }
      if (!type.isInstance(value)) {
        throw new IllegalArgumentException("member '" + name + "' should be a " + type.getSimpleName()
            + " but is " + excerpt(String.valueOf(value)));
      }
      return type.cast(value);
    }

    private <T> T req(String name, Class<T> type) {
      T value = opt(name, type);
      if (value == null) {
        throw new IllegalArgumentException("member '" + name + "' is missing in " + excerpt(map.toString()));
      }
      return value;
    }

    boolean has(String name) {
      return map.get(name) != null;
    }

    @Nullable String optString(String name) {
      return opt(name, String.class);
    }

    String string(String name) {
      return req(name, String.class);
    }

    boolean bool(String name) {
      return req(name, Boolean.class);
    }

    int integer(String name) {
      return req(name, BigDecimal.class).intValueExact();
    }

    Instant instant(String name) {
      return Instant.parse(string(name));
    }

    @Nullable Instant optInstant(String name) {
      String value = optString(name);
      return value == null ? null : Instant.parse(value);
    }

    @Nullable Doc optDoc(String name) {
      Map<?, ?> value = opt(name, Map.class);
      return value == null ? null : new Doc(value);
    }

    Doc doc(String name) {
      return new Doc(req(name, Map.class));
    }

    List<?> list(String name) {
      return req(name, List.class);
    }

    List<Doc> docs(String name) {
      List<Doc> docs = new ArrayList<>();
      for (Object o : list(name)) {
        if (!(o instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("member '" + name + "' should hold objects but holds " + o);
        }
        docs.add(new Doc(m));
      }
      return docs;
    }

    Map<String, String> strings(String name) {
      Map<?, ?> m = opt(name, Map.class);
      return m == null ? new LinkedHashMap<>() : strings(m);
    }

    static Map<String, String> strings(Map<?, ?> m) {
      Map<String, String> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, (String) v));
      return out;
    }
  }
}
