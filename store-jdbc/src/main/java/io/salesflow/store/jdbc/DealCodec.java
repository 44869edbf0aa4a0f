package io.salesflow.store.jdbc;

import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.BantAssessment;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.DealFacts.FollowUp;
import io.salesflow.FollowUpLog;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.DealFacts.Objection;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Turns deal facts and sales events into the store's JSON documents and back, exactly: instants keep their
 * nanoseconds, amounts their scale. Enums are stored by constant name. Stateless and thread-safe.
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
    return m;
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
    if (event instanceof SalesEvent.ContactMade e) {
      m.put("channel", e.channel().name());
      if (e.approach() != null) {
        m.put("approach", e.approach().name());
      }
    } else if (event instanceof SalesEvent.LeadScored e) {
      m.put("temperature", e.temperature().name());
    } else if (event instanceof SalesEvent.QualificationAssessed e) {
      m.put("assessment", bant(e.assessment()));
    } else if (event instanceof SalesEvent.Disqualified e) {
      m.put("reason", e.reason());
    } else if (event instanceof SalesEvent.ObjectionRaised e) {
      m.put("category", e.category().name());
      m.put("detail", e.detail());
    } else if (event instanceof SalesEvent.ObjectionResolved e) {
      m.put("category", e.category().name());
    } else if (event instanceof SalesEvent.ProposalSent e) {
      if (e.amount() != null) {
        m.put("amount", e.amount().toString());
      }
    } else if (event instanceof SalesEvent.TermsNegotiated e) {
      m.put("summary", e.summary());
    } else if (event instanceof SalesEvent.ClosedWon e) {
      m.put("amount", e.amount().toString());
      if (e.technique() != null) {
        m.put("technique", e.technique().name());
      }
    } else if (event instanceof SalesEvent.ClosedLost e) {
      m.put("reason", e.reason().name());
      m.put("detail", e.detail());
      if (e.technique() != null) {
        m.put("technique", e.technique().name());
      }
    } else if (event instanceof SalesEvent.FollowUpLogged e) {
      m.put("channel", e.channel().name());
      m.put("outcome", e.outcome().name());
    } else if (event instanceof SalesEvent.ReferralReceived e) {
      m.put("source", e.source());
    } else if (event instanceof SalesEvent.Custom e) {
      m.put("attributes", new TreeMap<>(e.attributes()));
    }
    // PresentationDelivered, ContractSigned and OnboardingDone carry only their time.
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
      throw new IllegalArgumentException("expected a JSON object, but found " + json);
    }
    Doc doc = new Doc(map);
    int format = doc.integer("format");
    if (format != FORMAT) {
      throw new IllegalArgumentException("document format " + format + " is not supported by this version, which "
          + "reads format " + FORMAT + "; was it written by a newer Salesflow?");
    }
    return doc;
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
    String type = d.string("type");
    Instant at = d.instant("occurredAt");
    switch (type) {
      case "contact-made": {
        String approach = d.optString("approach");
        return new SalesEvent.ContactMade(at, ContactChannel.valueOf(d.string("channel")),
            approach == null ? null : ApproachMethod.valueOf(approach));
      }
      case "lead-scored":
        return new SalesEvent.LeadScored(at, LeadTemperature.valueOf(d.string("temperature")));
      case "qualification-assessed":
        return new SalesEvent.QualificationAssessed(at, bant(d.doc("assessment")));
      case "disqualified":
        return new SalesEvent.Disqualified(at, d.string("reason"));
      case "presentation-delivered":
        return new SalesEvent.PresentationDelivered(at);
      case "objection-raised":
        return new SalesEvent.ObjectionRaised(at, ObjectionCategory.valueOf(d.string("category")),
            d.string("detail"));
      case "objection-resolved":
        return new SalesEvent.ObjectionResolved(at, ObjectionCategory.valueOf(d.string("category")));
      case "proposal-sent": {
        String amount = d.optString("amount");
        return new SalesEvent.ProposalSent(at, amount == null ? null : new BigDecimal(amount));
      }
      case "terms-negotiated":
        return new SalesEvent.TermsNegotiated(at, d.string("summary"));
      case "contract-signed":
        return new SalesEvent.ContractSigned(at);
      case "closed-won": {
        String technique = d.optString("technique");
        return new SalesEvent.ClosedWon(at, new BigDecimal(d.string("amount")),
            technique == null ? null : ClosingTechnique.valueOf(technique));
      }
      case "closed-lost": {
        String technique = d.optString("technique");
        return new SalesEvent.ClosedLost(at, LossReason.valueOf(d.string("reason")), d.string("detail"),
            technique == null ? null : ClosingTechnique.valueOf(technique));
      }
      case "follow-up-logged":
        return new SalesEvent.FollowUpLogged(at, ContactChannel.valueOf(d.string("channel")),
            FollowUpOutcome.valueOf(d.string("outcome")));
      case "referral-received":
        return new SalesEvent.ReferralReceived(at, d.string("source"));
      case "onboarding-done":
        return new SalesEvent.OnboardingDone(at);
      default:
        return new SalesEvent.Custom(EventType.custom(type), at, d.strings("attributes"));
    }
  }

  /** Typed access to a JSON object, with messages that name the missing or mistyped member. */
  private static final class Doc {
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
            + " but is " + value);
      }
      return type.cast(value);
    }

    private <T> T req(String name, Class<T> type) {
      T value = opt(name, type);
      if (value == null) {
        throw new IllegalArgumentException("member '" + name + "' is missing in " + map);
      }
      return value;
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
      Map<String, String> out = new LinkedHashMap<>();
      Map<?, ?> m = opt(name, Map.class);
      if (m != null) {
        m.forEach((k, v) -> out.put((String) k, (String) v));
      }
      return out;
    }
  }
}
