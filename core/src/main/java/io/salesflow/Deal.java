package io.salesflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
// The rarely changed attributes (start key, owner, who started it) sit in one small record shared between snapshots,
// as DealFacts groups its rarely changed facts: an engine makes one snapshot per accepted event, and each field of
// its own would make every snapshot larger (benchmarks/README.md has the figures). ImmutableDeal, the one
// implementation, is written by hand to keep a snapshot at 40 bytes: its creation time as one long of nanoseconds,
// its stage entry time and its version read from its history.
public abstract class Deal {
  Deal() {}

  /** {@return the deal's id, unique within a store} */
  public abstract String id();

  /** {@return the id of the process the deal runs through} */
  public abstract String processId();

  /**
   * Returns the version of its process the deal runs on: the latest version when it was started (or the one it was
   * started on by request), until a migration moves it to the next. Registering a new version of a process never
   * changes this.
   *
   * @return the process version, at least 1; 1 unless set, so deals stored before processes had versions read as
   *     version 1
   */
  public abstract int processVersion();

  /** {@return the id of the stage the deal is in} */
  public abstract String stage();

  /** {@return how many transitions have been accepted; 0 for a deal just started} */
  public abstract long version();

  /** {@return when the deal was started} */
  public abstract Instant createdAt();

  /** {@return when the deal entered its current stage} */
  public abstract Instant enteredStageAt();

  /** {@return what is known about the deal; {@link DealFacts#none()} unless set} */
  public abstract DealFacts facts();

  /** {@return every accepted transition, oldest first} */
  public abstract TransitionHistory history();

  /**
   * The process and its version, the start key, owner and who started the deal: rarely changed, so shared between
   * snapshots, and without a start key between deals too.
   */
  abstract Origin origin();

  /**
   * Returns the idempotency key the deal was started with: starting it again with the same key returns this deal
   * instead of failing as a duplicate.
   *
   * @return the key, or null if the deal was started without one
   */
  public final @Nullable String startKey() {
    return origin().startKey();
  }

  /**
   * Returns the deal's owner, the rep responsible for it: set when it is started, changed by
   * {@code DealEngine.assignOwner}, which records the change in the history.
   *
   * @return the owner's user id or name, or null when the deal has none
   */
  public final @Nullable String owner() {
    return origin().owner();
  }

  /**
   * Returns who started the deal, as the caller of {@code start} said.
   *
   * @return a user id or the name of a system, or null when the caller did not say (unknown)
   */
  public final @Nullable String startedBy() {
    return origin().startedBy();
  }

  /**
   * Where a deal came from and who has it: the attributes that change rarely, if ever. Without a start key (unique
   * to its deal) an origin is shared by every deal with the same process, version, owner and starter, as far as
   * {@link #MAX_SHARED} of them; so a snapshot holds one reference for all five.
   */
  record Origin(String processId, int processVersion, @Nullable String startKey, @Nullable String owner,
      @Nullable String startedBy) {
    /** The most origins shared between deals; further ones are kept by their deals alone. */
    static final int MAX_SHARED = 4_096;

    private static final ConcurrentMap<Origin, Origin> SHARED = new ConcurrentHashMap<>();

    static Origin of(String processId, int processVersion, @Nullable String startKey, @Nullable String owner,
        @Nullable String startedBy) {
      Origin origin = new Origin(Objects.requireNonNull(processId, "processId"), processVersion, startKey, owner,
          startedBy);
      if (startKey != null) {
        return origin;
      }
      Origin shared = SHARED.get(origin);
      if (shared != null || SHARED.size() >= MAX_SHARED) {
        return shared != null ? shared : origin;
      }
      Origin raced = SHARED.putIfAbsent(origin, origin);
      return raced == null ? origin : raced;
    }

    /** The hash code Deal's Origin had before it held the process, which a deal's hash code is computed with. */
    int ownerHashCode() {
      return 31 * (31 * Objects.hashCode(startKey) + Objects.hashCode(owner)) + Objects.hashCode(startedBy);
    }
  }

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
    return ((ImmutableDeal) this).advanced(record, facts, history().appendChecked(record));
  }

  final void check(long version) {
    // runs for every snapshot an engine makes, so it holds only what advance() could break; the limits on ids and
    // times are checked by the builder (checkLimits), as advance() keeps the ids of a snapshot that passed them and
    // takes its stage and time from a record whose constructor checked them. The version is the one the snapshot was
    // built with: the snapshot reads its version from its history
    if (version != history().size()) {
      throw versionNotHistorySize(version);
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

  private IllegalArgumentException versionNotHistorySize(long version) {
    return new IllegalArgumentException("deal '" + id() + "' has version " + version + " but "
        + history().size() + " history records; the version must equal the number of accepted transitions");
  }

  private IllegalArgumentException stageNotLastTarget(String last) {
    return new IllegalArgumentException("deal '" + id() + "' is in stage '" + stage()
        + "' but its last transition ended in '" + last + "'");
  }

  @Override
  public String toString() {
    return "Deal{id=" + id() + ", process=" + processId() + " v" + processVersion() + ", stage=" + stage()
        + ", version=" + version() + (owner() == null ? "" : ", owner=" + owner()) + "}";
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

  /**
   * Builds {@link Deal} values; id, process id, stage, version, creation and stage entry times are required, the
   * process version is 1, the facts none and the history empty unless set. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String processId;
    private int processVersion = 1;
    private @Nullable String stage;
    private long version;
    private boolean versionSet;
    private @Nullable Instant createdAt;
    private @Nullable Instant enteredStageAt;
    private DealFacts facts = DealFacts.none();
    private TransitionHistory history = TransitionHistory.empty();
    private @Nullable String startKey;
    private @Nullable String owner;
    private @Nullable String startedBy;

    Builder() {}

    /**
     * Sets every attribute from {@code deal}, to derive a changed copy.
     *
     * @param deal the deal to copy
     * @return this builder
     */
    public Builder from(Deal deal) {
      Objects.requireNonNull(deal, "deal must not be null");
      id = deal.id();
      processId = deal.processId();
      processVersion = deal.processVersion();
      stage = deal.stage();
      version = deal.version();
      versionSet = true;
      createdAt = deal.createdAt();
      enteredStageAt = deal.enteredStageAt();
      facts = deal.facts();
      history = deal.history();
      startKey = deal.startKey();
      owner = deal.owner();
      startedBy = deal.startedBy();
      return this;
    }

    /**
     * Sets the deal's id.
     *
     * @param id unique within a store
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id must not be null");
      return this;
    }

    /**
     * Sets the id of the deal's process.
     *
     * @param processId the process the deal runs through
     * @return this builder
     */
    public Builder processId(String processId) {
      this.processId = Objects.requireNonNull(processId, "processId must not be null");
      return this;
    }

    /**
     * Sets the version of its process the deal runs on; 1 unless set.
     *
     * @param processVersion at least 1, which {@link #build()} checks
     * @return this builder
     */
    public Builder processVersion(int processVersion) {
      this.processVersion = processVersion;
      return this;
    }

    /**
     * Sets the stage the deal is in.
     *
     * @param stage a stage id of the deal's process version
     * @return this builder
     */
    public Builder stage(String stage) {
      this.stage = Objects.requireNonNull(stage, "stage must not be null");
      return this;
    }

    /**
     * Sets how many transitions have been accepted.
     *
     * @param version the size of the history, which {@link #build()} checks
     * @return this builder
     */
    public Builder version(long version) {
      this.version = version;
      this.versionSet = true;
      return this;
    }

    /**
     * Sets when the deal was started.
     *
     * @param createdAt the start time
     * @return this builder
     */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Objects.requireNonNull(createdAt, "createdAt must not be null");
      return this;
    }

    /**
     * Sets when the deal entered its current stage.
     *
     * @param enteredStageAt the stage entry time
     * @return this builder
     */
    public Builder enteredStageAt(Instant enteredStageAt) {
      this.enteredStageAt = Objects.requireNonNull(enteredStageAt, "enteredStageAt must not be null");
      return this;
    }

    /**
     * Sets what is known about the deal; {@link DealFacts#none()} unless set.
     *
     * @param facts the facts
     * @return this builder
     */
    public Builder facts(DealFacts facts) {
      this.facts = Objects.requireNonNull(facts, "facts must not be null");
      return this;
    }

    /**
     * Sets the accepted transitions; empty unless set.
     *
     * @param history the history, whose size must be the version and whose last stage the stage
     * @return this builder
     */
    public Builder history(TransitionHistory history) {
      this.history = Objects.requireNonNull(history, "history must not be null");
      return this;
    }

    /**
     * Sets the idempotency key the deal was started with.
     *
     * @param startKey the key, or null for none
     * @return this builder
     */
    public Builder startKey(@Nullable String startKey) {
      this.startKey = startKey;
      return this;
    }

    /**
     * Sets the deal's owner.
     *
     * @param owner the owner's user id or name, or null for none
     * @return this builder
     */
    public Builder owner(@Nullable String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * Sets who started the deal.
     *
     * @param startedBy a user id or the name of a system, or null when unknown
     * @return this builder
     */
    public Builder startedBy(@Nullable String startedBy) {
      this.startedBy = startedBy;
      return this;
    }

    /**
     * Builds the deal; the builder stays usable.
     *
     * @return the deal
     * @throws IllegalStateException if a required attribute is not set, naming each
     * @throws IllegalArgumentException if an id, a name or a time is outside {@link Limits}, the process version is
     *     below 1, or the history does not match the version and stage
     */
    public Deal build() {
      if (id == null || processId == null || stage == null || !versionSet || createdAt == null
          || enteredStageAt == null) {
        throw missing();
      }
      Deal deal = ImmutableDeal.of(id, stage, version, createdAt, enteredStageAt, facts, history,
          Origin.of(processId, processVersion, startKey, owner, startedBy));
      deal.checkLimits();
      return deal;
    }

    private IllegalStateException missing() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (processId == null) {
        missing.add("processId");
      }
      if (stage == null) {
        missing.add("stage");
      }
      if (!versionSet) {
        missing.add("version");
      }
      if (createdAt == null) {
        missing.add("createdAt");
      }
      if (enteredStageAt == null) {
        missing.add("enteredStageAt");
      }
      return new IllegalStateException("Cannot build Deal, some of required attributes are not set " + missing);
    }
  }

  // ids are held to the limits every store keeps (length, no control or invisible characters), not to a format:
  // that is the process definition's business. advance() keeps all of these, so they are checked when built only
  private void checkLimits() {
    Checks.id(id(), "deal id");
    Checks.id(processId(), "process id");
    Checks.id(stage(), "stage");
    Checks.time(createdAt(), "createdAt");
    Checks.time(enteredStageAt(), "enteredStageAt");
    if (processVersion() < 1) {
      throw new IllegalArgumentException("deal '" + id() + "' runs on version " + processVersion() + " of process '"
          + processId() + "'; process versions start at 1");
    }
    Origin origin = origin();
    if (origin.startKey() != null) {
      Checks.id(origin.startKey(), "start key");
    }
    if (origin.owner() != null) {
      Checks.id(origin.owner(), "owner");
    }
    if (origin.startedBy() != null) {
      Checks.id(origin.startedBy(), "startedBy");
    }
  }
}
