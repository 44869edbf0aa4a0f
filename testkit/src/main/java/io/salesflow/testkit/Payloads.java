package io.salesflow.testkit;

import io.salesflow.BantAssessment;
import io.salesflow.DealFacts;
import io.salesflow.DealFacts.Objection;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesEvent.ApproachMethod;
import io.salesflow.SalesEvent.ClosingTechnique;
import io.salesflow.SalesEvent.ContactChannel;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LeadTemperature;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesEvent.ObjectionCategory;
import io.salesflow.SalesEvent.StakeholderRole;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Realistic payloads for every event type: what a CRM would record for it. Stateless and thread-safe. */
final class Payloads {
  private static final List<String> PAIN_POINTS = List.of("manual reporting", "slow onboarding",
      "leads lost between teams", "no pipeline visibility", "churn after the first year", "spreadsheet forecasting",
      "long approval chains");
  private static final List<String> DISQUALIFICATIONS = List.of("no budget this fiscal year", "wrong industry",
      "company too small for the product", "locked into a competitor contract", "student, not a buyer");
  private static final List<String> TERMS = List.of("", "annual billing, 5% discount", "net 60 payment terms",
      "two-year term with price lock", "pilot first, then full roll-out");
  private static final List<String> REFERRERS = List.of("Acme Corp", "Globex", "Initech", "Umbrella Ltd",
      "a former champion", "partner agency");
  private static final List<String> OVERRIDE_REASONS = List.of("the customer signed on paper",
      "reopened: the prospect came back", "moved by the quarterly pipeline review", "duplicate of another deal");
  private static final List<String> OWNERS = List.of("rep-ann", "rep-bob", "rep-chen", "manager-max");
  private static final List<String> PAYMENT_TERMS = List.of("net 30", "net 60", "quarterly in advance",
      "50% up front, 50% on delivery");
  private static final List<String> STAKEHOLDERS = List.of("dana@acme.example", "the CFO", "head of IT",
      "procurement", "lee@acme.example", "the end users' team lead");
  private static final List<SalesEvent.LeadSource> EXPANSIONS = List.of(SalesEvent.LeadSource.UPSELL,
      SalesEvent.LeadSource.CROSS_SELL, SalesEvent.LeadSource.RENEWAL, SalesEvent.LeadSource.REPEAT);
  private static final List<String> NOTES = List.of("", "the CFO", "Dana, head of ops", "cut quote time by half",
      "security review first", "two other vendors");
  private static final List<String> ATTRIBUTE_KEYS = List.of("segment", "priority", "region", "note");
  private static final List<String> ATTRIBUTE_VALUES = List.of("smb", "enterprise", "high", "low", "emea", "apac",
      "asked for a call back", "prefers email");

  /** Whether the stages catalog, an optional dependency, is on the class path; only then is it asked. */
  private static final boolean CATALOG_PRESENT = catalogPresent();

  private Payloads() {}

  private static boolean catalogPresent() {
    try {
      Class.forName("io.salesflow.catalog.CatalogEvents", false, Payloads.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** {@return Java that returns {@code process} when it is a catalog process as the catalog builds it, else null} */
  static @Nullable String catalogExpression(SalesProcess process) {
    return CATALOG_PRESENT ? CatalogPayloads.expression(process) : null;
  }

  /**
   * Returns an event of {@code type} at {@code at} with a realistic payload; {@code facts} steers payloads that refer
   * to the deal (an objection resolved is usually one that is open, a win keeps the proposed amount).
   */
  static SalesEvent event(EventType type, DealFacts facts, Instant at, RandomGenerator random) {
    return event(type, facts, at, random, Map.of());
  }

  /**
   * Returns an event of {@code type} as {@link #event(EventType, DealFacts, Instant, RandomGenerator)} does, unless
   * {@code payloads} has a generator for the type, which then makes it. The custom events of the stages catalog, when
   * it is on the class path, get payloads that meet its guards.
   *
   * @throws IllegalStateException if a user's generator returns an event of another type
   */
  static SalesEvent event(EventType type, DealFacts facts, Instant at, RandomGenerator random,
      Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> payloads) {
    BiFunction<Instant, RandomGenerator, ? extends SalesEvent> payload = payloads.get(type);
    if (payload != null) {
      SalesEvent event = Objects.requireNonNull(payload.apply(at, random), "a payload generator returned null");
      if (!event.type().equals(type)) {
        throw new IllegalStateException("the payload generator for '" + type + "' returned an event of type '"
            + event.type() + "'");
      }
      return event;
    }
    if (!type.isBuiltIn()) {
      SalesEvent catalogs = CATALOG_PRESENT ? CatalogPayloads.event(type, facts, at, random) : null;
      return catalogs != null ? catalogs : custom(type, at, random);
    }
    switch (type.id()) {
      case "contact-made":
        return new SalesEvent.ContactMade(at, pick(ContactChannel.values(), random),
            random.nextInt(3) == 0 ? null : pick(ApproachMethod.values(), random));
      case "lead-scored":
        return new SalesEvent.LeadScored(at, pick(LeadTemperature.values(), random));
      case "qualification-assessed":
        return new SalesEvent.QualificationAssessed(at, bant(at, random));
      case "disqualified":
        return new SalesEvent.Disqualified(at, pick(DISQUALIFICATIONS, random));
      case "presentation-delivered":
        return new SalesEvent.PresentationDelivered(at);
      case "objection-raised": {
        ObjectionCategory category = pick(ObjectionCategory.values(), random);
        return new SalesEvent.ObjectionRaised(at, category, objectionDetail(category, random));
      }
      case "objection-resolved": {
        List<Objection> open = facts.openObjections();
        ObjectionCategory category = !open.isEmpty() && random.nextInt(5) > 0
            ? open.get(random.nextInt(open.size())).category()
            : pick(ObjectionCategory.values(), random);
        return new SalesEvent.ObjectionResolved(at, category);
      }
      case "proposal-sent":
        return new SalesEvent.ProposalSent(at, random.nextInt(5) == 0 ? null : amount(random));
      case "terms-negotiated":
        return random.nextBoolean() ? new SalesEvent.TermsNegotiated(at, pick(TERMS, random))
            : new SalesEvent.TermsNegotiated(at, pick(TERMS, random), BigDecimal.valueOf(random.nextInt(41), 1),
                random.nextBoolean() ? null : pick(PAYMENT_TERMS, random));
      case "contract-signed":
        return new SalesEvent.ContractSigned(at);
      case "closed-won":
        return new SalesEvent.ClosedWon(at, facts.amount().filter(a -> random.nextInt(4) > 0)
            .orElseGet(() -> amount(random)), random.nextBoolean() ? null : pick(ClosingTechnique.values(), random));
      case "closed-lost":
        return closedLost(at, random);
      case "follow-up-logged":
        return new SalesEvent.FollowUpLogged(at, pick(ContactChannel.values(), random), followUpOutcome(facts, random));
      case "referral-received":
        return new SalesEvent.ReferralReceived(at, pick(REFERRERS, random));
      case "onboarding-done":
        return new SalesEvent.OnboardingDone(at);
      // the administrative events, which engines record and processes never fire: a walk that fires one checks that
      // it is rejected as an event type the process does not know
      case "stage-overridden":
        return new SalesEvent.StageOverridden(at, pick(OVERRIDE_REASONS, random), random.nextInt(4) == 0);
      case "deal-migrated": {
        int from = 1 + random.nextInt(3);
        return new SalesEvent.DealMigrated(at, from, from + 1, "moved to the new process",
            random.nextBoolean() ? List.of() : List.of("amount: required but not set, to enter 'proposal'"));
      }
      case "owner-assigned":
        return new SalesEvent.OwnerAssigned(at, pick(OWNERS, random), random.nextBoolean() ? null
            : pick(OWNERS, random));
      case "forecast-updated":
        return new SalesEvent.ForecastUpdated(at, random.nextInt(6) == 0 ? null
            : LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(random.nextInt(180)),
            random.nextInt(3) == 0 ? null : amount(random),
            random.nextInt(4) == 0 ? pick(Stage.ForecastCategory.values(), random) : null);
      case "stakeholder-engaged":
        return new SalesEvent.StakeholderEngaged(at, pick(STAKEHOLDERS, random), pick(StakeholderRole.values(), random));
      case "expansion-started":
        return new SalesEvent.ExpansionStarted(at, pick(EXPANSIONS, random), "expansion-" + random.nextInt(1_000));
      case "qualification-scored":
        return new SalesEvent.QualificationScored(at, scorecard(facts, random));
      default:
        throw new IllegalArgumentException("the testkit has no payload generator for built-in event type '" + type
            + "': add a case for '" + type.id() + "' to the switch in io.salesflow.testkit.Payloads.event");
    }
  }

  /**
   * A BANT assessment: about two in five fully confirmed, the rest a mix of confirmed, unconfirmed and unknown
   * dimensions, as real qualification calls go.
   */
  static BantAssessment bant(Instant at, RandomGenerator random) {
    boolean all = random.nextInt(5) < 2;
    BantAssessment.Builder builder = BantAssessment.builder();
    int budget = all ? 0 : random.nextInt(3);
    if (budget < 2) {
      builder.budget(amount(random), budget == 0);
    }
    int authority = all ? 0 : random.nextInt(3);
    if (authority < 2) {
      builder.authority(authority == 0, 1 + random.nextInt(12));
    }
    int need = all ? 0 : random.nextInt(3);
    if (need == 0) {
      builder.painPoints(pick(PAIN_POINTS, random), pick(PAIN_POINTS, random));
    } else if (need == 1) {
      builder.painPoints();
    }
    if (all || random.nextBoolean()) {
      LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
      builder.decisionBy(today.plusDays(7 + random.nextInt(120)));
    }
    return builder.build();
  }

  /**
   * A scorecard of the framework the deal was scored on before (or any): about two in five with every element
   * confirmed, the rest a mix of confirmed, identified and unknown elements.
   */
  static DealFacts.Scorecard scorecard(DealFacts facts, RandomGenerator random) {
    DealFacts.Scorecard.Framework framework = facts.scorecards().isEmpty() || random.nextInt(4) == 0
        ? pick(DealFacts.Scorecard.Framework.values(), random) : facts.scorecards().get(0).framework();
    boolean all = random.nextInt(5) < 2;
    DealFacts.Scorecard card = DealFacts.Scorecard.of(framework);
    for (DealFacts.Scorecard.Element element : framework.elements()) {
      int roll = all ? 0 : random.nextInt(3);
      if (roll == 0) {
        card = card.confirm(element, pick(NOTES, random));
      } else if (roll == 1) {
        card = card.identify(element, pick(NOTES, random));
      }
    }
    return card;
  }

  /** A deal amount between 1,000 and 250,000, in steps of 500. */
  static BigDecimal amount(RandomGenerator random) {
    return BigDecimal.valueOf(1_000L + 500L * random.nextInt(499));
  }

  private static SalesEvent.ClosedLost closedLost(Instant at, RandomGenerator random) {
    LossReason reason = random.nextInt(3) == 0 ? LossReason.NO_RESPONSE : pick(LossReason.values(), random);
    String detail = switch (reason) {
      case NO_RESPONSE -> "went silent after the proposal";
      case PRICE -> "chose a cheaper plan elsewhere";
      case COMPETITOR -> "signed with a competitor";
      case NO_BUDGET -> "budget frozen";
      default -> "";
    };
    return new SalesEvent.ClosedLost(at, reason, detail);
  }

  /** Half go unanswered, and a prospect who left the last one unanswered usually stays silent. */
  private static FollowUpOutcome followUpOutcome(DealFacts facts, RandomGenerator random) {
    int roll = random.nextInt(20);
    if (facts.followUps().unansweredInARow() > 0 && roll < 15) {
      return FollowUpOutcome.NO_RESPONSE;
    }
    return roll < 10 ? FollowUpOutcome.NO_RESPONSE : roll < 17 ? FollowUpOutcome.RESPONDED : FollowUpOutcome.REJECTED;
  }

  private static String objectionDetail(ObjectionCategory category, RandomGenerator random) {
    if (random.nextInt(4) == 0) {
      return "";
    }
    return switch (category) {
      case PRICE -> "too expensive for this year";
      case TIMING -> "not before next quarter";
      case COMPETITOR -> "already evaluating another vendor";
      case AUTHORITY -> "the CFO has to sign off";
      case NEED -> "not sure the team needs it";
      case OTHER -> "security review pending";
    };
  }

  private static SalesEvent.Custom custom(EventType type, Instant at, RandomGenerator random) {
    Map<String, String> attributes = new LinkedHashMap<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      attributes.put(pick(ATTRIBUTE_KEYS, random), pick(ATTRIBUTE_VALUES, random));
    }
    return new SalesEvent.Custom(type, at, attributes);
  }

  /** Picks one element uniformly. */
  static <T> T pick(List<T> values, RandomGenerator random) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> T pick(T[] values, RandomGenerator random) {
    return values[random.nextInt(values.length)];
  }

  /** Picks an index with probability proportional to its weight; weights are positive. */
  static int weighted(List<Integer> weights, RandomGenerator random) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.size(); i++) {
      roll -= weights.get(i);
      if (roll < 0) {
        return i;
      }
    }
    throw new AssertionError("unreachable");
  }
}
