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
 * <p>Every constructor checks its values against {@link Deal.Limits} (times in the years 1 to 9999, amounts of at
 * most 18 digits before the decimal point and 6 after it, free text of at most 4,096 characters, custom attributes)
 * and refuses a value outside them with an exception that names the component and the limit; see
 * {@link #occurredAt()} for events logged late or ahead of time.
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

  /** {@return the type transitions are keyed on} */
  EventType type();

  /**
   * Returns when the event happened, as the rep or the calling system says.
   *
   * <p>Every event's time must lie in the years 1 to 9999 UTC ({@link Deal.Limits#EARLIEST_TIME} to
   * {@link Deal.Limits#LATEST_TIME}), what every store keeps; the constructor refuses any other, {@link Instant#MAX}
   * included, with an {@link IllegalArgumentException} naming {@code occurredAt}. Within that range the time is the
   * caller's to give:
   * <ul>
   *   <li>a time before the deal's last transition, or before the deal started, is accepted as a late-logged
   *       activity (a call entered the next day, an import of older records). The deal's history stays in the order
   *       the engine accepted the events, each record stamped with the engine clock's time; the event keeps its own
   *       time, and facts taken from it (a follow-up, an objection, a proposal's date) carry that time;</li>
   *   <li>a time after the engine clock's is accepted as given (a meeting logged as it is booked); follow-up
   *       cadences then count from it.</li>
   * </ul>
   * Guards that care (a follow-up must not predate the contact, say) can compare it with the deal's times and deny.
   *
   * @return the time the event happened
   */
  Instant occurredAt();

  /**
   * A contact with the prospect was made.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param channel how the prospect was reached
   * @param approach how the rep opened, when recorded (the approaches of “7-step sales process” (Lucidchart))
   */
  record ContactMade(Instant occurredAt, ContactChannel channel, @Nullable ApproachMethod approach)
      implements SalesEvent {
    /**
     * Checks that the time and channel are present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param channel how the prospect was reached
     * @param approach how the rep opened, or {@code null} when not recorded
     */
    public ContactMade {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(channel, "channel must not be null");
    }

    /**
     * A contact with no approach method recorded.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param channel how the prospect was reached
     */
    public ContactMade(Instant occurredAt, ContactChannel channel) {
      this(occurredAt, channel, null);
    }


    @Override
    public EventType type() {
      return EventType.CONTACT_MADE;
    }
  }

  /**
   * The lead's temperature was assessed, as a funnel sorts its traffic.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param temperature how ready to buy the lead is; it replaces the deal's previous temperature
   */
  record LeadScored(Instant occurredAt, LeadTemperature temperature) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param temperature how ready to buy the lead is
     */
    public LeadScored {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(temperature, "temperature must not be null");
    }

    @Override
    public EventType type() {
      return EventType.LEAD_SCORED;
    }
  }

  /**
   * A BANT qualification was assessed; the assessment replaces the deal's previous one.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param assessment the whole assessment, not only what changed
   */
  record QualificationAssessed(Instant occurredAt, BantAssessment assessment) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param assessment the whole assessment, not only what changed
     */
    public QualificationAssessed {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(assessment, "assessment must not be null");
    }

    @Override
    public EventType type() {
      return EventType.QUALIFICATION_ASSESSED;
    }
  }

  /**
   * The prospect is not a fit, for the reason given.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param reason why the prospect is not a fit, in the rep's words; it becomes the deal's disqualification reason
   */
  record Disqualified(Instant occurredAt, String reason) implements SalesEvent {
    /**
     * Checks that the time and a reason are present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param reason why the prospect is not a fit; not blank
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    public Disqualified {
      Checks.time(occurredAt, "occurredAt");
      Checks.notBlankText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.DISQUALIFIED;
    }
  }

  /**
   * A presentation or demo was delivered to the prospect.
   *
   * @param occurredAt when it happened, which may be before it is fired
   */
  record PresentationDelivered(Instant occurredAt) implements SalesEvent {
    /**
     * Checks that the time is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     */
    public PresentationDelivered {
      Checks.time(occurredAt, "occurredAt");
    }

    @Override
    public EventType type() {
      return EventType.PRESENTATION_DELIVERED;
    }
  }

  /**
   * The prospect raised an objection; it stays open until an {@link ObjectionResolved} of its category.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param category what the objection is about
   * @param detail the prospect's point, in a few words; may be empty
   */
  record ObjectionRaised(Instant occurredAt, ObjectionCategory category, String detail) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param category what the objection is about
     * @param detail the prospect's point, in a few words; may be empty but not {@code null}
     */
    public ObjectionRaised {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(category, "category must not be null");
      Checks.text(detail, "detail");
    }

    /**
     * An objection with no detail.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param category what the objection is about
     */
    public ObjectionRaised(Instant occurredAt, ObjectionCategory category) {
      this(occurredAt, category, "");
    }

    @Override
    public EventType type() {
      return EventType.OBJECTION_RAISED;
    }
  }

  /**
   * Every open objection of the given category was answered.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param category the category whose open objections are all closed
   */
  record ObjectionResolved(Instant occurredAt, ObjectionCategory category) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param category the category whose open objections are all closed
     */
    public ObjectionResolved {
      Checks.time(occurredAt, "occurredAt");
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
   * @param occurredAt when it happened, which may be before it is fired
   * @param amount the proposed amount, when the proposal names one; it becomes the deal's amount
   */
  record ProposalSent(Instant occurredAt, @Nullable BigDecimal amount) implements SalesEvent {
    /**
     * Checks that the time is present and the amount, if any, not negative.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param amount the proposed amount, or {@code null} when the proposal names none
     * @throws IllegalArgumentException if {@code amount} is negative or has more than 18 digits before the decimal
     *     point or 6 after it ({@link Deal.Limits})
     */
    public ProposalSent {
      Checks.time(occurredAt, "occurredAt");
      if (amount != null) {
        Checks.amount(amount, "amount");
      }
    }

    @Override
    public EventType type() {
      return EventType.PROPOSAL_SENT;
    }
  }

  /**
   * Terms were negotiated.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param summary what was agreed, in a few words; may be empty
   */
  record TermsNegotiated(Instant occurredAt, String summary) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param summary what was agreed, in a few words; may be empty but not {@code null}
     */
    public TermsNegotiated {
      Checks.time(occurredAt, "occurredAt");
      Checks.text(summary, "summary");
    }

    @Override
    public EventType type() {
      return EventType.TERMS_NEGOTIATED;
    }
  }

  /**
   * The contract was signed.
   *
   * @param occurredAt when it happened, which may be before it is fired
   */
  record ContractSigned(Instant occurredAt) implements SalesEvent {
    /**
     * Checks that the time is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     */
    public ContractSigned {
      Checks.time(occurredAt, "occurredAt");
    }

    @Override
    public EventType type() {
      return EventType.CONTRACT_SIGNED;
    }
  }

  /**
   * The deal was won.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param amount the amount won; it becomes the deal's amount
   * @param technique the closing technique used, when recorded (the closes of “7-step sales process” (Lucidchart))
   */
  record ClosedWon(Instant occurredAt, BigDecimal amount, @Nullable ClosingTechnique technique)
      implements SalesEvent {
    /**
     * Checks that the time is present and the amount not negative.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param amount the amount won; zero is allowed
     * @param technique the closing technique used, or {@code null} when not recorded
     * @throws IllegalArgumentException if {@code amount} is negative or has more than 18 digits before the decimal
     *     point or 6 after it ({@link Deal.Limits})
     */
    public ClosedWon {
      Checks.time(occurredAt, "occurredAt");
      Checks.amount(amount, "amount");
    }

    /**
     * A win with no closing technique recorded.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param amount the amount won; zero is allowed
     * @throws IllegalArgumentException if {@code amount} is negative or has more than 18 digits before the decimal
     *     point or 6 after it ({@link Deal.Limits})
     */
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
   * @param occurredAt when it happened, which may be before it is fired
   * @param reason why the deal was lost; it becomes the deal's loss reason
   * @param detail more about the reason; may be empty
   * @param technique the closing technique that was tried and failed, when recorded, so that techniques can be
   *     compared on wins and losses alike
   */
  record ClosedLost(Instant occurredAt, LossReason reason, String detail, @Nullable ClosingTechnique technique)
      implements SalesEvent {
    /**
     * Checks that the time, reason and detail are present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param reason why the deal was lost
     * @param detail more about the reason; may be empty but not {@code null}
     * @param technique the closing technique that was tried, or {@code null} when not recorded
     */
    public ClosedLost {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(reason, "reason must not be null");
      Checks.text(detail, "detail");
    }

    /**
     * A loss with a detail and no closing technique recorded.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param reason why the deal was lost
     * @param detail more about the reason; may be empty but not {@code null}
     */
    public ClosedLost(Instant occurredAt, LossReason reason, String detail) {
      this(occurredAt, reason, detail, null);
    }

    /**
     * A loss with no detail.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param reason why the deal was lost
     */
    public ClosedLost(Instant occurredAt, LossReason reason) {
      this(occurredAt, reason, "", null);
    }


    @Override
    public EventType type() {
      return EventType.CLOSED_LOST;
    }
  }

  /**
   * A follow-up was made through a channel, with its outcome.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param channel how the prospect was reached; it is added to the deal's contact channels
   * @param outcome what came of it
   */
  record FollowUpLogged(Instant occurredAt, ContactChannel channel, FollowUpOutcome outcome) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param channel how the prospect was reached
     * @param outcome what came of it
     */
    public FollowUpLogged {
      Checks.time(occurredAt, "occurredAt");
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
   * @param occurredAt when it happened, which may be before it is fired
   * @param source who or what referred the prospect, for example the referring customer's name
   */
  record ReferralReceived(Instant occurredAt, String source) implements SalesEvent {
    /**
     * Checks that the time and a source are present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param source who or what referred the prospect; not blank
     * @throws IllegalArgumentException if {@code source} is blank
     */
    public ReferralReceived {
      Checks.time(occurredAt, "occurredAt");
      Checks.notBlankText(source, "source");
    }

    @Override
    public EventType type() {
      return EventType.REFERRAL_RECEIVED;
    }
  }

  /**
   * The customer was onboarded.
   *
   * @param occurredAt when it happened, which may be before it is fired
   */
  record OnboardingDone(Instant occurredAt) implements SalesEvent {
    /**
     * Checks that the time is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     */
    public OnboardingDone {
      Checks.time(occurredAt, "occurredAt");
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
   * @param occurredAt when it happened, which may be before it is fired
   * @param attributes string attributes, copied, in the order given
   */
  record Custom(EventType type, Instant occurredAt, Map<String, String> attributes) implements SalesEvent {
    /**
     * Checks the type and copies the attributes.
     *
     * @param type a custom event type, not one of the built-in ones
     * @param occurredAt when it happened, which may be before it is fired
     * @param attributes string attributes, copied in their iteration order; may be empty. Keys follow the rules of
     *     deal ids, values are at most {@value Deal.Limits#MAX_TEXT_LENGTH} characters, and there are at most
     *     {@value Deal.Limits#MAX_ATTRIBUTES} of them
     * @throws NullPointerException if a key or value is {@code null}; the message names the key
     * @throws IllegalArgumentException if {@code type} is built in (fire its typed event instead), or a key, a value
     *     or the number of attributes is beyond the limits of {@link Deal.Limits}
     */
    public Custom {
      Objects.requireNonNull(type, "type must not be null");
      Checks.time(occurredAt, "occurredAt");
      if (type.isBuiltIn()) {
        throw new IllegalArgumentException("'" + type.id()
            + "' is a built-in event type; fire its typed event (a record in SalesEvent) instead of a custom one");
      }
      attributes = Checks.attributes(attributes, "of event '" + type.id() + "'");
    }

    /**
     * A custom event with no attributes.
     *
     * @param type a custom event type, not one of the built-in ones
     * @param occurredAt when it happened, which may be before it is fired
     * @throws IllegalArgumentException if {@code type} is built in: fire its typed event instead
     */
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
    /** {@return the constant's name, as {@link Enum#name()} gives it} */
    String name();

    /**
     * {@return the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}}
     */
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
    /** By email. */
    EMAIL,

    /** By telephone. */
    PHONE,

    /** Face to face. */
    IN_PERSON,

    /** Through a social network. */
    SOCIAL,

    /** By video call. */
    VIDEO_CALL,

    /** Through any other channel. */
    OTHER
  }

  /**
   * How a rep opened the conversation: the premium, question and product approaches that
   * “7-step sales process” (Lucidchart) describes.
   *
   * @since 0.1
   */
  enum ApproachMethod implements Term {
    /** Opening with a gift for the prospect. */
    PREMIUM,

    /** Opening with a question that gets the prospect talking about their needs. */
    QUESTION,

    /** Opening with a sample or a free trial of the product for the prospect to judge. */
    PRODUCT,

    /** Any other opening. */
    OTHER
  }

  /**
   * How ready a lead is to buy, as the sales funnel in “The 7 Step Of Sales Process” sorts its traffic.
   *
   * @since 0.1
   */
  enum LeadTemperature implements Term {
    /** Has shown no interest yet. */
    COLD,

    /** Has shown interest but is not ready to buy. */
    WARM,

    /** Ready to buy, or close to it. */
    HOT
  }

  /**
   * What an objection is about.
   *
   * @since 0.1
   */
  enum ObjectionCategory implements Term {
    /** The price is too high, or the value not clear enough for it. */
    PRICE,

    /** Not now: the prospect wants to wait. */
    TIMING,

    /** The prospect prefers, or already uses, a competitor's offer. */
    COMPETITOR,

    /** The person talking cannot decide alone, or someone else must agree. */
    AUTHORITY,

    /** The prospect doubts they need it. */
    NEED,

    /** About anything else. */
    OTHER
  }

  /**
   * How a rep asked for the decision: the alternative-choice, extra-inducement and standing-room-only closes that
   * “7-step sales process” (Lucidchart) describes.
   *
   * @since 0.1
   */
  enum ClosingTechnique implements Term {
    /** Offering two options that both close the sale, such as two start dates. */
    ALTERNATIVE_CHOICE,

    /** Adding something extra, such as a discount or a free period, if the prospect signs now. */
    EXTRA_INDUCEMENT,

    /** Pointing out that the offer is limited in time or quantity. */
    STANDING_ROOM_ONLY,

    /** Any other technique. */
    OTHER
  }

  /**
   * Why a deal was lost.
   *
   * @since 0.1
   */
  enum LossReason implements Term {
    /** The prospect stopped answering. */
    NO_RESPONSE,

    /** The price was too high. */
    PRICE,

    /** The prospect chose a competitor. */
    COMPETITOR,

    /** The prospect had no money for it. */
    NO_BUDGET,

    /** The prospect decided not to decide, or to keep things as they are. */
    NO_DECISION,

    /** The prospect wants to buy, but not now. */
    TIMING,

    /** The product does not meet the prospect's needs. */
    NOT_A_FIT,

    /** Any other reason. */
    OTHER
  }

  /**
   * What came of a follow-up.
   *
   * @since 0.1
   */
  enum FollowUpOutcome implements Term {
    /** The prospect did not answer; such follow-ups in a row can move a deal to nurture. */
    NO_RESPONSE,

    /** The prospect answered. */
    RESPONDED,

    /** The prospect answered and declined; it ends a run of unanswered follow-ups, as an answer does. */
    REJECTED
  }
}
