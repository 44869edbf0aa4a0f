package io.salesflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
   * Terms were negotiated: the payment schedules, volume discounts and service levels that “What Are the 5 Steps of
   * the Sales Process?” settles while handling objections. The terms become the deal's
   * {@link DealFacts#negotiatedTerms() negotiated terms}, replacing earlier ones, and stay in its history.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param summary what was agreed, in a few words; may be empty
   * @param discountPercent the discount agreed, in percent of the list price, when there is one
   * @param paymentTerms the payment terms agreed, for example {@code "net 30"}, when recorded
   */
  record TermsNegotiated(Instant occurredAt, String summary, @Nullable BigDecimal discountPercent,
      @Nullable String paymentTerms) implements SalesEvent {
    /**
     * Checks that the time and summary are present and the discount, if any, a percentage.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param summary what was agreed, in a few words; may be empty but not {@code null}
     * @param discountPercent the discount, from 0 to 100 with at most 6 decimal places, or {@code null}
     * @param paymentTerms the payment terms, at most 4,096 characters, or {@code null}
     * @throws IllegalArgumentException if {@code discountPercent} is outside 0 to 100, or a text is too long
     */
    public TermsNegotiated {
      Checks.time(occurredAt, "occurredAt");
      Checks.text(summary, "summary");
      if (discountPercent != null) {
        Checks.percent(discountPercent, "discountPercent");
      }
      if (paymentTerms != null) {
        Checks.text(paymentTerms, "paymentTerms");
      }
    }

    /**
     * Terms with a summary only.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param summary what was agreed, in a few words; may be empty but not {@code null}
     */
    public TermsNegotiated(Instant occurredAt, String summary) {
      this(occurredAt, summary, null, null);
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
   * Administrative: someone moved the deal to another stage past the process's rules (a sales manager reopening a
   * lost deal, say). Recorded by {@code DealEngine.override} with who did it; no process has a transition on it, so
   * it cannot be fired. The history record holds the stages it moved between.
   *
   * @param occurredAt when the override was made
   * @param reason why, in the words of whoever made it; not blank
   * @param reopened whether the deal left a won or lost stage, which only an override can do
   * @since 0.1
   */
  record StageOverridden(Instant occurredAt, String reason, boolean reopened) implements SalesEvent {
    /**
     * Checks that the time and a reason are present.
     *
     * @param occurredAt when the override was made
     * @param reason why; not blank
     * @param reopened whether the deal left a won or lost stage
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    public StageOverridden {
      Checks.time(occurredAt, "occurredAt");
      Checks.notBlankText(reason, "reason");
    }

    @Override
    public EventType type() {
      return EventType.STAGE_OVERRIDDEN;
    }
  }

  /**
   * Administrative: the deal was moved from one version of its process to the next by a migration plan. Recorded by
   * {@code DealEngine.migrate} with who did it; it cannot be fired. The history record holds the stage it left (of
   * the old version) and the stage it is in (of the new one).
   *
   * @param occurredAt when the migration ran
   * @param fromVersion the process version the deal ran on
   * @param toVersion the process version it runs on from now on, one above {@code fromVersion}
   * @param reason why the deal was migrated; not blank
   * @param exceptions the requirements of its new stage the deal did not meet and was moved regardless of, as the
   *     plan allowed (for example {@code "requires amount to enter 'negotiation'"}); empty when it met them all
   * @since 0.1
   */
  record DealMigrated(Instant occurredAt, int fromVersion, int toVersion, String reason, List<String> exceptions)
      implements SalesEvent {
    /**
     * Checks the versions and the reason, and copies the exceptions.
     *
     * @param occurredAt when the migration ran
     * @param fromVersion the process version the deal ran on, at least 1
     * @param toVersion the process version it runs on now, {@code fromVersion + 1}
     * @param reason why; not blank
     * @param exceptions the unmet requirements of the new stage; may be empty, at most
     *     {@link Deal.Limits#MAX_ATTRIBUTES}
     * @throws IllegalArgumentException if a version is out of range, {@code reason} or an exception is blank, or a
     *     value is beyond {@link Deal.Limits}
     */
    public DealMigrated {
      Checks.time(occurredAt, "occurredAt");
      if (fromVersion < 1 || toVersion != fromVersion + 1) {
        throw new IllegalArgumentException("a migration goes from a version (at least 1) to the next one, but this one"
            + " goes from " + fromVersion + " to " + toVersion);
      }
      Checks.notBlankText(reason, "reason");
      exceptions = List.copyOf(Objects.requireNonNull(exceptions, "exceptions must not be null"));
      if (exceptions.size() > Deal.Limits.MAX_ATTRIBUTES) {
        throw new IllegalArgumentException("a migration records at most " + Deal.Limits.MAX_ATTRIBUTES
            + " exceptions, but this one has " + exceptions.size());
      }
      for (String exception : exceptions) {
        Checks.notBlankText(exception, "exception");
      }
    }

    @Override
    public EventType type() {
      return EventType.DEAL_MIGRATED;
    }
  }

  /**
   * Administrative: the deal got a new owner, the rep responsible for it. Recorded by
   * {@code DealEngine.assignOwner} with who did it; it cannot be fired. The deal stays in its stage.
   *
   * @param occurredAt when the owner was assigned
   * @param owner the new owner, a user id or name; not blank
   * @param previousOwner the owner before, or {@code null} when the deal had none
   * @since 0.1
   */
  record OwnerAssigned(Instant occurredAt, String owner, @Nullable String previousOwner) implements SalesEvent {
    /**
     * Checks that the time and the new owner are present.
     *
     * @param occurredAt when the owner was assigned
     * @param owner the new owner; not blank
     * @param previousOwner the owner before, or {@code null} when there was none; not blank otherwise
     * @throws IllegalArgumentException if an owner is blank
     */
    public OwnerAssigned {
      Checks.time(occurredAt, "occurredAt");
      Checks.id(owner, "owner");
      if (previousOwner != null) {
        Checks.id(previousOwner, "previous owner");
      }
    }

    @Override
    public EventType type() {
      return EventType.OWNER_ASSIGNED;
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
   * How ready a lead is to buy, as the sales funnel in “The 7 Step Of Sales Process” sorts its traffic: ice cold,
   * cold, warm and hot.
   *
   * @since 0.1
   */
  enum LeadTemperature implements Term {
    /** Has never been in touch with the seller at all: a name on a bought list, say. */
    ICE_COLD,

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

  // ---------------------------------------------------------------- forecast, stakeholders, expansions, scorecards

  /**
   * The rep's forecast of the deal was updated: when it is expected to close, for how much, and the forecast category
   * the rep puts it in. Each update states the rep's whole call, as a qualification states the whole assessment.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param expectedClose the date the deal is expected to close; it becomes the deal's
   *     {@link DealFacts#expectedClose() expected close}; {@code null} keeps the date known
   * @param amount the amount expected; it becomes the deal's {@link DealFacts#amount() amount}; {@code null} keeps
   *     the amount known
   * @param category the forecast category the rep puts the deal in, overriding its stage's
   *     ({@link Stage#forecastCategory()}); {@code null} lets the stage's category apply again
   * @since 0.1
   */
  record ForecastUpdated(Instant occurredAt, @Nullable LocalDate expectedClose, @Nullable BigDecimal amount,
      Stage.@Nullable ForecastCategory category) implements SalesEvent {
    /**
     * Checks the time, the date and the amount.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param expectedClose the expected close date, or {@code null} to keep the one known
     * @param amount the expected amount, or {@code null} to keep the one known
     * @param category the rep's forecast category, or {@code null} for the stage's
     * @throws IllegalArgumentException if the date lies outside the years 1 to 9999 or the amount is beyond
     *     {@link Deal.Limits}
     */
    public ForecastUpdated {
      Checks.time(occurredAt, "occurredAt");
      if (expectedClose != null) {
        Checks.date(expectedClose, "expectedClose");
      }
      if (amount != null) {
        Checks.amount(amount, "amount");
      }
    }

    /**
     * A new expected close date, the amount and category left as they are known.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param expectedClose the date the deal is expected to close
     */
    public ForecastUpdated(Instant occurredAt, LocalDate expectedClose) {
      this(occurredAt, Objects.requireNonNull(expectedClose, "expectedClose must not be null"), null, null);
    }

    @Override
    public EventType type() {
      return EventType.FORECAST_UPDATED;
    }
  }

  /**
   * A stakeholder on the buying side was engaged: “7-step sales process” (Lucidchart) counts 6.8 customer
   * stakeholders in a typical purchase and advises connecting with several of them. The stakeholder joins the deal's
   * {@link DealFacts#stakeholders() stakeholders}; engaging one already there (same contact) updates their role.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param contact who was engaged: a name, an e-mail address or a CRM contact id
   * @param role the part they play in the decision
   * @since 0.1
   */
  record StakeholderEngaged(Instant occurredAt, String contact, StakeholderRole role) implements SalesEvent {
    /**
     * Checks every component.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param contact who was engaged; not blank, at most {@value Deal.Limits#MAX_ID_LENGTH} characters, no control
     *     or invisible characters
     * @param role the part they play in the decision
     * @throws IllegalArgumentException if {@code contact} breaks the rules above
     */
    public StakeholderEngaged {
      Checks.time(occurredAt, "occurredAt");
      Checks.id(contact, "contact");
      Objects.requireNonNull(role, "role must not be null");
    }

    @Override
    public EventType type() {
      return EventType.STAKEHOLDER_ENGAGED;
    }
  }

  /**
   * An expansion deal (an upsell, a cross-sell, a renewal or a repeat order) was started from this customer's deal;
   * it joins the deal's {@link DealFacts#expansions() expansions}, and the new deal names this one as its
   * {@link DealFacts#parentDealId() parent}. “8 Key Stages that the Best Sales Process Covers” (SmartWinnr) keeps
   * following up paying customers to up-sell and generate repeat business.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param kind what kind of expansion: {@link LeadSource#UPSELL}, {@link LeadSource#CROSS_SELL},
   *     {@link LeadSource#RENEWAL} or {@link LeadSource#REPEAT}
   * @param dealId the id of the new deal
   * @since 0.1
   */
  record ExpansionStarted(Instant occurredAt, LeadSource kind, String dealId) implements SalesEvent {
    /**
     * Checks every component.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param kind an expansion kind, one for which {@link LeadSource#isExpansion()} holds
     * @param dealId the new deal's id, held to the rules of deal ids
     * @throws IllegalArgumentException if {@code kind} is not an expansion or {@code dealId} breaks the rules of ids
     */
    public ExpansionStarted {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(kind, "kind must not be null");
      if (!kind.isExpansion()) {
        throw new IllegalArgumentException("kind must be upsell, cross-sell, renewal or repeat, but was '"
            + kind.label() + "'; an expansion grows an existing customer's business");
      }
      Checks.id(dealId, "dealId");
    }

    @Override
    public EventType type() {
      return EventType.EXPANSION_STARTED;
    }
  }

  /**
   * A qualification scorecard (MEDDIC, MEDDPICC or CHAMP) was assessed; it replaces the deal's previous scorecard of
   * the same framework (see {@link DealFacts#scorecards()}), as {@link QualificationAssessed} does for BANT.
   *
   * @param occurredAt when it happened, which may be before it is fired
   * @param scorecard the whole scorecard, not only what changed
   * @since 0.1
   */
  record QualificationScored(Instant occurredAt, DealFacts.Scorecard scorecard) implements SalesEvent {
    /**
     * Checks that every component is present.
     *
     * @param occurredAt when it happened, which may be before it is fired
     * @param scorecard the whole scorecard
     */
    public QualificationScored {
      Checks.time(occurredAt, "occurredAt");
      Objects.requireNonNull(scorecard, "scorecard must not be null");
    }

    @Override
    public EventType type() {
      return EventType.QUALIFICATION_SCORED;
    }
  }

  /**
   * Where a deal came from: a new lead and the channel that brought it, a referral, or more business from an existing
   * customer. Set on a deal when it is started ({@link DealFacts.Builder#leadSource}); win rates can be cut by it.
   *
   * @since 0.1
   */
  enum LeadSource implements Term {
    /** New business, with no more specific source recorded. */
    NEW,

    /** A lead that came to the seller: a web form, a call, a content download. */
    INBOUND,

    /** A lead the seller went out to: a cold call, an e-mail sequence, a social message. */
    OUTBOUND,

    /** A lead referred by a customer or a contact. */
    REFERRAL,

    /** A lead brought by a partner or reseller. */
    PARTNER,

    /** More of the same product for an existing customer. */
    UPSELL,

    /** Another product for an existing customer. */
    CROSS_SELL,

    /** Renewing an existing customer's contract. */
    RENEWAL,

    /** A repeat order from an existing customer. */
    REPEAT,

    /** Any other source. */
    OTHER;

    /** {@return whether this source is more business from an existing customer: upsell, cross-sell, renewal, repeat} */
    public boolean isExpansion() {
      return this == UPSELL || this == CROSS_SELL || this == RENEWAL || this == REPEAT;
    }
  }

  /**
   * The part a stakeholder plays in the buying decision.
   *
   * @since 0.1
   */
  enum StakeholderRole implements Term {
    /** Signs off the purchase. */
    DECISION_MAKER,

    /** Owns the budget; MEDDIC's economic buyer, who also decides. */
    ECONOMIC_BUYER,

    /** Sells for the seller inside the buying organisation. */
    CHAMPION,

    /** Shapes the decision without making it. */
    INFLUENCER,

    /** Will use what is bought. */
    USER,

    /** Runs purchasing, legal or security review. */
    PROCUREMENT,

    /** Any other part. */
    OTHER;

    /** {@return whether a stakeholder in this role makes the decision: a decision-maker or the economic buyer} */
    public boolean decides() {
      return this == DECISION_MAKER || this == ECONOMIC_BUYER;
    }
  }
}
