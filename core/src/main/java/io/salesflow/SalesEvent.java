package io.salesflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a deal, with the time it happened.
 *
 * <p>The built-in events are the records nested here, each with a typed payload; a custom process uses
 * {@link Custom} with its own {@link EventType#custom(String) event type}. Events are immutable values: an engine
 * decides from the deal's stage, the event's {@link #type() type} and the process's guards whether the event moves
 * the deal, and the event's payload becomes part of the deal's {@link DealFacts facts} when it is accepted.
 *
 * <pre>{@code
 * engine.fire("D-42", new SalesEvent.ClosedWon(now, new BigDecimal("12000"), ClosingTechnique.ALTERNATIVE_CHOICE));
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface SalesEvent {

  /** The type transitions are keyed on. */
  EventType type();

  /** When the event happened. */
  Instant occurredAt();

  /**
   * A contact with the prospect was made.
   *
   * @param approach how the rep opened, when recorded (the approaches of “7-step sales process” (Lucidchart))
   */
  record ContactMade(Instant occurredAt, ContactChannel channel, @Nullable ApproachMethod approach)
      implements SalesEvent {
    public ContactMade {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(channel, "channel must not be null");
    }

    /** A contact with no approach method recorded. */
    public ContactMade(Instant occurredAt, ContactChannel channel) {
      this(occurredAt, channel, null);
    }


    @Override
    public EventType type() {
      return EventType.CONTACT_MADE;
    }
  }

  /** The lead's temperature was assessed, as a funnel sorts its traffic. */
  record LeadScored(Instant occurredAt, LeadTemperature temperature) implements SalesEvent {
    public LeadScored {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(temperature, "temperature must not be null");
    }

    @Override
    public EventType type() {
      return EventType.LEAD_SCORED;
    }
  }

  /** A BANT qualification was assessed; the assessment replaces the deal's previous one. */
  record QualificationAssessed(Instant occurredAt, BantAssessment assessment) implements SalesEvent {
    public QualificationAssessed {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(assessment, "assessment must not be null");
    }

    @Override
    public EventType type() {
      return EventType.QUALIFICATION_ASSESSED;
    }
  }

  /** The prospect is not a fit, for the reason given. */
  record Disqualified(Instant occurredAt, String reason) implements SalesEvent {
    public Disqualified {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Checks.notBlank(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.DISQUALIFIED;
    }
  }

  /** A presentation or demo was delivered to the prospect. */
  record PresentationDelivered(Instant occurredAt) implements SalesEvent {
    public PresentationDelivered {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
    }

    @Override
    public EventType type() {
      return EventType.PRESENTATION_DELIVERED;
    }
  }

  /** The prospect raised an objection; it stays open until an {@link ObjectionResolved} of its category. */
  record ObjectionRaised(Instant occurredAt, ObjectionCategory category, String detail) implements SalesEvent {
    public ObjectionRaised {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(category, "category must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
    }

    /** An objection with no detail. */
    public ObjectionRaised(Instant occurredAt, ObjectionCategory category) {
      this(occurredAt, category, "");
    }

    @Override
    public EventType type() {
      return EventType.OBJECTION_RAISED;
    }
  }

  /** Every open objection of the given category was answered. */
  record ObjectionResolved(Instant occurredAt, ObjectionCategory category) implements SalesEvent {
    public ObjectionResolved {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(category, "category must not be null");
    }

    @Override
    public EventType type() {
      return EventType.OBJECTION_RESOLVED;
    }
  }

  /**
   * A proposal was sent.
   *
   * @param amount the proposed amount, when the proposal names one; it becomes the deal's amount
   */
  record ProposalSent(Instant occurredAt, @Nullable BigDecimal amount) implements SalesEvent {
    public ProposalSent {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      if (amount != null) {
        Checks.nonNegative(amount, "amount");
      }
    }

    @Override
    public EventType type() {
      return EventType.PROPOSAL_SENT;
    }
  }

  /** Terms were negotiated; {@code summary} may be empty. */
  record TermsNegotiated(Instant occurredAt, String summary) implements SalesEvent {
    public TermsNegotiated {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(summary, "summary must not be null");
    }

    @Override
    public EventType type() {
      return EventType.TERMS_NEGOTIATED;
    }
  }

  /** The contract was signed. */
  record ContractSigned(Instant occurredAt) implements SalesEvent {
    public ContractSigned {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
    }

    @Override
    public EventType type() {
      return EventType.CONTRACT_SIGNED;
    }
  }

  /**
   * The deal was won.
   *
   * @param amount the amount won; it becomes the deal's amount
   * @param technique the closing technique used, when recorded (the closes of “7-step sales process” (Lucidchart))
   */
  record ClosedWon(Instant occurredAt, BigDecimal amount, @Nullable ClosingTechnique technique)
      implements SalesEvent {
    public ClosedWon {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Checks.nonNegative(amount, "amount");
    }

    /** A win with no closing technique recorded. */
    public ClosedWon(Instant occurredAt, BigDecimal amount) {
      this(occurredAt, amount, null);
    }


    @Override
    public EventType type() {
      return EventType.CLOSED_WON;
    }
  }

  /**
   * The deal was lost, for the reason given.
   *
   * @param detail more about the reason; may be empty
   * @param technique the closing technique that was tried and failed, when recorded, so that techniques can be
   *     compared on wins and losses alike
   */
  record ClosedLost(Instant occurredAt, LossReason reason, String detail, @Nullable ClosingTechnique technique)
      implements SalesEvent {
    public ClosedLost {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(reason, "reason must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
    }

    /** A loss with a detail and no closing technique recorded. */
    public ClosedLost(Instant occurredAt, LossReason reason, String detail) {
      this(occurredAt, reason, detail, null);
    }

    /** A loss with no detail. */
    public ClosedLost(Instant occurredAt, LossReason reason) {
      this(occurredAt, reason, "", null);
    }


    @Override
    public EventType type() {
      return EventType.CLOSED_LOST;
    }
  }

  /** A follow-up was made through a channel, with its outcome. */
  record FollowUpLogged(Instant occurredAt, ContactChannel channel, FollowUpOutcome outcome) implements SalesEvent {
    public FollowUpLogged {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Objects.requireNonNull(channel, "channel must not be null");
      Objects.requireNonNull(outcome, "outcome must not be null");
    }

    @Override
    public EventType type() {
      return EventType.FOLLOW_UP_LOGGED;
    }
  }

  /**
   * The customer referred a new prospect.
   *
   * @param source who or what referred the prospect, for example the referring customer's name
   */
  record ReferralReceived(Instant occurredAt, String source) implements SalesEvent {
    public ReferralReceived {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      Checks.notBlank(source, "source");
    }

    @Override
    public EventType type() {
      return EventType.REFERRAL_RECEIVED;
    }
  }

  /** The customer was onboarded. */
  record OnboardingDone(Instant occurredAt) implements SalesEvent {
    public OnboardingDone {
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
    }

    @Override
    public EventType type() {
      return EventType.ONBOARDING_DONE;
    }
  }

  /**
   * An event of a custom process. Its attributes are merged into the deal's
   * {@link DealFacts#attributes() attributes} when it is accepted.
   *
   * @param type a custom (not built-in) event type
   * @param attributes string attributes, copied
   */
  record Custom(EventType type, Instant occurredAt, Map<String, String> attributes) implements SalesEvent {
    public Custom {
      Objects.requireNonNull(type, "type must not be null");
      Objects.requireNonNull(occurredAt, "occurredAt must not be null");
      if (type.isBuiltIn()) {
        throw new IllegalArgumentException("'" + type.id()
            + "' is a built-in event type; fire its typed event (a record in SalesEvent) instead of a custom one");
      }
      attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes must not be null"));
    }

    /** A custom event with no attributes. */
    public Custom(EventType type, Instant occurredAt) {
      this(type, occurredAt, Map.of());
    }
  }

  /**
   * A word of the event vocabulary (a channel, a reason, an outcome): an enum constant with a kebab-case label.
   *
   * @since 0.1
   */
  interface Term {
    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
    default String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * How a contact or follow-up reached the prospect.
   *
   * @since 0.1
   */
  enum ContactChannel implements Term {
    EMAIL,
    PHONE,
    IN_PERSON,
    SOCIAL,
    VIDEO_CALL,
    OTHER
  }

  /**
   * How a rep opened the conversation: the premium, question and product approaches that
   * “7-step sales process” (Lucidchart) describes.
   *
   * @since 0.1
   */
  enum ApproachMethod implements Term {
    PREMIUM,
    QUESTION,
    PRODUCT,
    OTHER
  }

  /**
   * How ready a lead is to buy, as the sales funnel in “The 7 Step Of Sales Process” sorts its traffic.
   *
   * @since 0.1
   */
  enum LeadTemperature implements Term {
    COLD,
    WARM,
    HOT
  }

  /**
   * What an objection is about.
   *
   * @since 0.1
   */
  enum ObjectionCategory implements Term {
    PRICE,
    TIMING,
    COMPETITOR,
    AUTHORITY,
    NEED,
    OTHER
  }

  /**
   * How a rep asked for the decision: the alternative-choice, extra-inducement and standing-room-only closes that
   * “7-step sales process” (Lucidchart) describes.
   *
   * @since 0.1
   */
  enum ClosingTechnique implements Term {
    ALTERNATIVE_CHOICE,
    EXTRA_INDUCEMENT,
    STANDING_ROOM_ONLY,
    OTHER
  }

  /**
   * Why a deal was lost.
   *
   * @since 0.1
   */
  enum LossReason implements Term {
    NO_RESPONSE,
    PRICE,
    COMPETITOR,
    NO_BUDGET,
    NO_DECISION,
    TIMING,
    NOT_A_FIT,
    OTHER
  }

  /**
   * What came of a follow-up.
   *
   * @since 0.1
   */
  enum FollowUpOutcome implements Term {
    NO_RESPONSE,
    RESPONDED,
    REJECTED
  }
}
