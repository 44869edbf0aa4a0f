package io.salesflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one deal: where it stands in its process, what is known about it and how it got there.
 *
 * <p>Deals are immutable: an engine returns a new snapshot for every accepted event, with the version raised by one
 * and one {@link TransitionRecord} appended to the {@link #history()}. The version always equals the number of
 * accepted transitions, so it doubles as the optimistic-concurrency token of a {@link io.salesflow.store.DealStore
 * store}.
 *
 * @since 0.1
 */
@Value.Immutable
@ValueStyle
public abstract class Deal {
  Deal() {}

  /** {@return the deal's id, unique within a store} */
  @Value.Parameter
  public abstract String id();

  /** {@return the id of the process the deal runs through} */
  @Value.Parameter
  public abstract String processId();

  /** {@return the id of the stage the deal is in} */
  @Value.Parameter
  public abstract String stage();

  /** {@return how many transitions have been accepted; 0 for a deal just started} */
  @Value.Parameter
  public abstract long version();

  /** {@return when the deal was started} */
  @Value.Parameter
  public abstract Instant createdAt();

  /** {@return when the deal entered its current stage} */
  @Value.Parameter
  public abstract Instant enteredStageAt();

  /** {@return what is known about the deal; {@link DealFacts#none()} unless set} */
  @Value.Default
  @Value.Parameter
  public DealFacts facts() {
    return DealFacts.none();
  }

  /** {@return every accepted transition, oldest first} */
  @Value.Default
  @Value.Parameter
  public TransitionHistory history() {
    return TransitionHistory.empty();
  }

  /**
   * Returns the idempotency key the deal was started with: starting it again with the same key returns this deal
   * instead of failing as a duplicate.
   *
   * @return the key, or null if the deal was started without one
   */
  @Value.Parameter
  public abstract @Nullable String startKey();

  /**
   * Returns how long the deal has been in its stage at {@code now}.
   *
   * @param now the instant to measure to, usually the engine clock's
   * @return the time since the deal entered its stage; negative if {@code now} is before that
   */
  public final Duration timeInStage(Instant now) {
    return Duration.between(enteredStageAt(), Objects.requireNonNull(now, "now must not be null"));
  }

  /**
   * Returns the instant the deal's follow-up clock runs from: its latest follow-up, or its stage entry if that is
   * later (a deal that just moved on is not overdue). Stores index it; {@code FollowUpCadence} adds its interval.
   *
   * @return the later of the latest follow-up and the stage entry
   */
  public final Instant followUpDueFrom() {
    Instant entered = enteredStageAt();
    return facts().followUps().latest().map(DealFacts.FollowUp::at).filter(at -> at.isAfter(entered))
        .orElse(entered);
  }

  /** {@return the most recent accepted transition, or empty for a deal just started} */
  public final Optional<TransitionRecord> lastTransition() {
    return history().latest();
  }

  /**
   * Returns the snapshot after an accepted transition: the record appended, the stage, version and facts moved on, and
   * the stage entry time reset unless the transition was internal. This snapshot is unchanged.
   *
   * @param record the accepted transition; its version must be one above this deal's and it must start from this
   *     deal's stage
   * @param facts what is known about the deal after the transition, replacing the current facts
   * @return the new snapshot
   * @throws IllegalArgumentException if {@code record} does not continue this deal's history
   */
  public final Deal advance(TransitionRecord record, DealFacts facts) {
    Objects.requireNonNull(record, "record must not be null");
    Objects.requireNonNull(facts, "facts must not be null");
    if (record.version() != version() + 1 || !record.from().equals(stage())) {
      throw notContinued(record);
    }
    // straight to the constructor, not through a builder: engines make one snapshot per accepted event. The record
    // continues the history because it continues this deal, whose version and stage are the history's size and last
    // stage (check() holds every snapshot to that)
    return ImmutableDeal.of(id(), processId(), record.to(), record.version(), createdAt(),
        record.internal() ? enteredStageAt() : record.at(), facts, history().appendChecked(record), startKey());
  }

  @Value.Check
  final void check() {
    // runs for every snapshot an engine makes, so it holds only what advance() could break; the limits on ids and
    // times are checked by the builder (checkLimits), as advance() keeps the ids of a snapshot that passed them and
    // takes its stage and time from a record whose constructor checked them
    if (version() != history().size()) {
      throw versionNotHistorySize();
    }
    String last = history().lastStage();
    if (last != null && !last.equals(stage())) {
      throw stageNotLastTarget(last);
    }
  }

  // failures are built out of line, so that the checks run on every snapshot stay small enough to inline

  private IllegalArgumentException notContinued(TransitionRecord record) {
    if (record.version() != version() + 1) {
      return new IllegalArgumentException("deal '" + id() + "' is at version " + version()
          + ", so the next transition record must have version " + (version() + 1) + ", not " + record.version());
    }
    return new IllegalArgumentException("deal '" + id() + "' is in stage '" + stage()
        + "', so it cannot record a transition from '" + record.from() + "'");
  }

  private IllegalArgumentException versionNotHistorySize() {
    return new IllegalArgumentException("deal '" + id() + "' has version " + version() + " but "
        + history().size() + " history records; the version must equal the number of accepted transitions");
  }

  private IllegalArgumentException stageNotLastTarget(String last) {
    return new IllegalArgumentException("deal '" + id() + "' is in stage '" + stage()
        + "' but its last transition ended in '" + last + "'");
  }

  @Override
  public String toString() {
    return "Deal{id=" + id() + ", process=" + processId() + ", stage=" + stage() + ", version=" + version() + "}";
  }

  /** {@return a new, empty builder; stores use it to read deals back} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder initialised from this deal, to derive a changed copy} */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /**
   * The limits on what Salesflow accepts, in one place: a value outside them is refused where it enters (a
   * constructor, a builder, a guard factory) with an {@link IllegalArgumentException} (a {@link NullPointerException}
   * for a missing value) that names the field and the limit and quotes the value, cut to a readable length and with
   * control characters escaped. Nothing is changed by a refused value. The limits are what every store keeps (a
   * {@code VARCHAR(255)} id, a timestamp in years 1 to 9999) and what no sales process needs more of.
   *
   * <table>
   * <caption>Limits</caption>
   * <tr><th>input</th><th>limit</th></tr>
   * <tr><td>deal ids, process, stage and event type ids (and the deal's process id and stage)</td>
   *     <td>not blank, at most {@value #MAX_ID_LENGTH} characters, no control or invisible character: no NUL, CR,
   *     LF, tab, escape or other control character, no zero-width, bidirectional or other format character, no line
   *     or paragraph separator, no unpaired surrogate. Process, stage and event type ids are lower-case kebab-case
   *     as well.</td></tr>
   * <tr><td>amounts ({@link SalesEvent.ProposalSent}, {@link SalesEvent.ClosedWon}, a BANT budget, a deal's amount,
   *     a guard's minimum budget)</td>
   *     <td>not negative, at most {@value #MAX_AMOUNT_INTEGER_DIGITS} digits before the decimal point (less than
   *     10<sup>18</sup>) and {@value #MAX_AMOUNT_DECIMAL_PLACES} after it, trailing zeros aside</td></tr>
   * <tr><td>counts ({@link DealFacts#presentations()}, {@link DealFacts#resolvedObjections()},
   *     {@link DealFacts#referralsGiven()}, BANT stakeholders)</td>
   *     <td>from 0 to {@value #MAX_COUNT}</td></tr>
   * <tr><td>instants (every event's {@code occurredAt}, the times in {@link DealFacts}, a deal's and a
   *     transition's times, so an engine clock too) and dates (a BANT decision date)</td>
   *     <td>from {@code 0001-01-01T00:00:00Z} to {@code 9999-12-31T23:59:59.999999999Z}; see
   *     {@link SalesEvent#occurredAt()} for events logged late or ahead</td></tr>
   * <tr><td>custom attributes ({@link SalesEvent.Custom}, {@link DealFacts#attributes()}, required field
   *     names)</td>
   *     <td>keys as deal ids; values present and at most {@value #MAX_TEXT_LENGTH} characters; at most
   *     {@value #MAX_ATTRIBUTES} attributes on an event or a deal</td></tr>
   * <tr><td>free text (reasons, details, summaries, sources, pain points)</td>
   *     <td>at most {@value #MAX_TEXT_LENGTH} characters; at most {@value #MAX_ATTRIBUTES} pain points</td></tr>
   * <tr><td>stakeholders and expansion deals of a deal; a discount</td>
   *     <td>at most {@value #MAX_ATTRIBUTES} of each (a stakeholder's contact and an expansion's deal id as deal
   *     ids); a discount is a percentage from 0 to 100</td></tr>
   * <tr><td>stage stall thresholds, follow-up cadences</td>
   *     <td>positive, at most 3,660 days (about ten years)</td></tr>
   * <tr><td>guard parameters</td>
   *     <td>in their meaningful range, each stated on its factory: {@code bantAtLeast} 1 to 4,
   *     {@code contactChannelsAtLeast} 1 to the number of {@link SalesEvent.ContactChannel channels},
   *     {@code followUpsBeforeNoResponseLoss} 0 to {@value #MAX_FOLLOW_UPS}, {@code unansweredFollowUpsAtLeast} 1
   *     to {@value #MAX_FOLLOW_UPS}, {@code decisionWithin} at most 100 years</td></tr>
   * </table>
   *
   * <p>Since ids hold no control or invisible character, an id written to a log cannot start a new line or hide
   * part of it. Messages that echo a value a user sent show it through {@link #quote(String)}.
   *
   * @since 0.1
   */
  public static final class Limits {
    /** The most characters of an id: what every store's {@code VARCHAR(255)} column keeps. */
    public static final int MAX_ID_LENGTH = 255;
    /** The most characters of free text and of a custom attribute's value. */
    public static final int MAX_TEXT_LENGTH = 4_096;
    /** The most custom attributes on one event or one deal, and the most pain points of a BANT need. */
    public static final int MAX_ATTRIBUTES = 100;
    /** The largest count a deal's facts may be given. */
    public static final int MAX_COUNT = 1_000_000;
    /** The most digits of an amount before the decimal point. */
    public static final int MAX_AMOUNT_INTEGER_DIGITS = 18;
    /** The most decimal places of an amount, trailing zeros aside. */
    public static final int MAX_AMOUNT_DECIMAL_PLACES = 6;
    /** The most follow-ups a follow-up guard may require. */
    public static final int MAX_FOLLOW_UPS = 100;
    /** The earliest instant accepted: the start of year 1, UTC. */
    public static final Instant EARLIEST_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant accepted: the end of year 9999, UTC. */
    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** The longest stall threshold or follow-up interval: 3,660 days. */
    public static final Duration MAX_DURATION = Duration.ofDays(3_660);

    private Limits() {}

    /**
     * Checks an id a user chose, such as a deal id, against the limits above; engines call it on every id they are
     * given, before anything is looked up or stored.
     *
     * @param value the id
     * @param what what the id is, for the message, for example {@code "dealId"}
     * @return {@code value}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is blank, longer than {@value #MAX_ID_LENGTH} characters or
     *     holds a control or invisible character; the message names {@code what} and the limit
     */
    public static String requireId(String value, String what) {
      return Checks.id(value, what);
    }

    /**
     * Checks an amount against the limits above, as every event, fact and guard that takes one does.
     *
     * @param value the amount
     * @param what what the amount is, for the message, for example {@code "minimum budget"}
     * @return {@code value}
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is negative or has more than
     *     {@value #MAX_AMOUNT_INTEGER_DIGITS} digits before the decimal point or {@value #MAX_AMOUNT_DECIMAL_PLACES}
     *     after it; the message names {@code what} and the limit, and never writes a huge number out
     */
    public static BigDecimal requireAmount(BigDecimal value, String what) {
      return Checks.amount(value, what);
    }

    /**
     * Returns a user's value as a message or log line should show it: in single quotes, cut after 64 characters
     * (saying how long it was), with control and invisible characters and backslashes escaped Java-style.
     *
     * @param value any string, or {@code null}
     * @return for example {@code 'D-42'}, {@code 'line\nbreak'} or {@code 'xxxx…' (1048576 characters)}
     */
    public static String quote(@Nullable String value) {
      return Checks.quote(value);
    }
  }

  /** Builds {@link Deal} values; id, process id, stage, version, creation and stage entry times are required. */
  public static final class Builder extends ImmutableDeal.Builder {
    Builder() {}

    /**
     * Builds the deal.
     *
     * @return the deal
     * @throws IllegalStateException if a required attribute is missing
     * @throws IllegalArgumentException if an id or a time is outside {@link Limits}, or the history does not match
     *     the version and stage
     */
    @Override
    public Deal build() {
      Deal deal = super.build();
      deal.checkLimits();
      return deal;
    }
  }

  // ids are held to the limits every store keeps (length, no control or invisible characters), not to a format:
  // that is the process definition's business
  private void checkLimits() {
    Checks.id(id(), "deal id");
    Checks.id(processId(), "process id");
    Checks.id(stage(), "stage");
    Checks.time(createdAt(), "createdAt");
    Checks.time(enteredStageAt(), "enteredStageAt");
    String startKey = startKey();
    if (startKey != null) {
      Checks.id(startKey, "start key");
    }
  }
}
