package io.salesflow;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link Deal}, written by hand so that a snapshot takes 40 bytes: its creation time kept
 * as nanoseconds from the epoch in one {@code long} (an {@link Instant} is built when read), the time it entered its
 * stage read from its history (the time of its last record that changed its stage, found at most
 * {@value #MAX_INTERNAL_RUN} internal records back, or its creation time when there is none), its version read from
 * its history's size (which it always equals), its process and process version in its {@link Deal.Origin} (shared
 * between snapshots and deals), everything else by reference. A snapshot whose stage entry time its history does not
 * tell (after a longer run of internal records, or built with another time), or whose creation time is too far from
 * the epoch for one {@code long} of nanoseconds (before 1677 or after 2262), is an {@link Entered}, 64 bytes, which
 * keeps both times. Equality and hash code are over the same attributes, with the same values, as when Immutables
 * generated this class.
 */
class ImmutableDeal extends Deal {
  /** The most internal records a snapshot looks back over for the record that started its stage. */
  static final int MAX_INTERNAL_RUN = 8;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** Creation times whose seconds lie strictly between these fit one {@code long} of nanoseconds. */
  private static final long MIN_COMPACT_SECOND = Long.MIN_VALUE / NANOS_PER_SECOND;
  private static final long MAX_COMPACT_SECOND = Long.MAX_VALUE / NANOS_PER_SECOND;

  private final String id;
  private final String stage;
  private final DealFacts facts;
  private final TransitionHistory history;
  private final Deal.Origin origin;
  // the creation time as nanoseconds from the epoch; an Entered keeps its times in fields of its own
  private final long createdAtEpochNano;

  private ImmutableDeal(String id, String stage, long createdAtEpochNano, DealFacts facts, TransitionHistory history,
      Deal.Origin origin) {
    this.id = id;
    this.stage = stage;
    this.createdAtEpochNano = createdAtEpochNano;
    this.facts = facts;
    this.history = history;
    this.origin = origin;
  }

  /** Whether a creation time of these seconds fits the compact form. */
  private static boolean compactCreation(long createdAtSecond) {
    return createdAtSecond > MIN_COMPACT_SECOND && createdAtSecond < MAX_COMPACT_SECOND;
  }

  /**
   * The history up to the record that started the stage: without its trailing internal records, of which there may be
   * at most {@value #MAX_INTERNAL_RUN}; null when there are more, so that the history does not tell the entry time.
   */
  private static @Nullable TransitionHistory stageStart(TransitionHistory history) {
    TransitionHistory node = history;
    for (int run = 0; !node.isEmpty() && node.lastInternal(); run++) {
      if (run == MAX_INTERNAL_RUN) {
        return null;
      }
      node = node.back(1);
    }
    return node;
  }

  /** Builds a snapshot of the right form: the compact one when its stage entry time is its history's. */
  private static ImmutableDeal make(String id, String stage, long createdAtSecond, int createdAtNano,
      long enteredStageAtSecond, int enteredStageAtNano, DealFacts facts, TransitionHistory history,
      Deal.Origin origin) {
    TransitionHistory start = stageStart(history);
    boolean derived;
    if (start == null || !compactCreation(createdAtSecond)) {
      derived = false;
    } else if (start.isEmpty()) {
      derived = enteredStageAtSecond == createdAtSecond && enteredStageAtNano == createdAtNano;
    } else {
      derived = enteredStageAtSecond == start.lastAtSecond() && enteredStageAtNano == start.lastAtNano();
    }
    return derived
        ? new ImmutableDeal(id, stage, createdAtSecond * NANOS_PER_SECOND + createdAtNano, facts, history, origin)
        : new Entered(id, stage, createdAtSecond, createdAtNano, enteredStageAtSecond, enteredStageAtNano, facts,
            history, origin);
  }

  /** A snapshot that keeps its creation time and the time it entered its stage in fields of its own. */
  static final class Entered extends ImmutableDeal {
    private final long createdAtSecond;
    private final long enteredStageAtSecond;
    private final int createdAtNano;
    private final int enteredStageAtNano;

    Entered(String id, String stage, long createdAtSecond, int createdAtNano, long enteredStageAtSecond,
        int enteredStageAtNano, DealFacts facts, TransitionHistory history, Deal.Origin origin) {
      super(id, stage, 0, facts, history, origin);
      this.createdAtSecond = createdAtSecond;
      this.createdAtNano = createdAtNano;
      this.enteredStageAtSecond = enteredStageAtSecond;
      this.enteredStageAtNano = enteredStageAtNano;
    }

    @Override
    long createdAtSecond() {
      return createdAtSecond;
    }

    @Override
    int createdAtNano() {
      return createdAtNano;
    }

    @Override
    long enteredStageAtSecond() {
      return enteredStageAtSecond;
    }

    @Override
    int enteredStageAtNano() {
      return enteredStageAtNano;
    }
  }

  /** The seconds of {@link #createdAt()}. */
  long createdAtSecond() {
    return Math.floorDiv(createdAtEpochNano, NANOS_PER_SECOND);
  }

  /** The nanoseconds of {@link #createdAt()}. */
  int createdAtNano() {
    return (int) Math.floorMod(createdAtEpochNano, NANOS_PER_SECOND);
  }

  /** The seconds of {@link #enteredStageAt()}. */
  long enteredStageAtSecond() {
    TransitionHistory started = Objects.requireNonNull(stageStart(history));
    return started.isEmpty() ? createdAtSecond() : started.lastAtSecond();
  }

  /** The nanoseconds of {@link #enteredStageAt()}. */
  int enteredStageAtNano() {
    TransitionHistory started = Objects.requireNonNull(stageStart(history));
    return started.isEmpty() ? createdAtNano() : started.lastAtNano();
  }

  /**
   * Builds a snapshot, checking that the version is the history's size and the stage its last record's target.
   *
   * @throws NullPointerException naming the attribute that is null
   * @throws IllegalArgumentException if the version or the stage does not match the history
   */
  static Deal of(String id, String stage, long version, Instant createdAt, Instant enteredStageAt, DealFacts facts,
      TransitionHistory history, Deal.Origin origin) {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(enteredStageAt, "enteredStageAt");
    ImmutableDeal deal = make(Objects.requireNonNull(id, "id"), Objects.requireNonNull(stage, "stage"),
        createdAt.getEpochSecond(), createdAt.getNano(), enteredStageAt.getEpochSecond(), enteredStageAt.getNano(),
        Objects.requireNonNull(facts, "facts"), Objects.requireNonNull(history, "history"),
        Objects.requireNonNull(origin, "origin"));
    deal.check(version);
    return deal;
  }

  /**
   * The snapshot after {@code record}, which the caller checked to continue this deal: the record's target and time
   * (unless internal), the new facts and history, everything else kept.
   */
  Deal advanced(TransitionRecord record, DealFacts nextFacts, TransitionHistory nextHistory) {
    // the record is nextHistory's last: a transition to another stage starts the stage at its time, which the
    // compact snapshot reads from there; an internal one keeps this snapshot's entry time, further back, which the
    // compact snapshot finds there unless the run of internal records grew too long
    ImmutableDeal next;
    boolean compact = !(this instanceof Entered);
    if (compact && (!record.internal() || stageStart(nextHistory) != null)) {
      next = new ImmutableDeal(id, record.to(), createdAtEpochNano, nextFacts, nextHistory, origin);
    } else if (!record.internal() && compactCreation(createdAtSecond())) {
      next = new ImmutableDeal(id, record.to(), createdAtSecond() * NANOS_PER_SECOND + createdAtNano(), nextFacts,
          nextHistory, origin);
    } else {
      Instant at = record.at();
      next = new Entered(id, record.to(), createdAtSecond(), createdAtNano(),
          record.internal() ? enteredStageAtSecond() : at.getEpochSecond(),
          record.internal() ? enteredStageAtNano() : at.getNano(), nextFacts, nextHistory, origin);
    }
    next.check(record.version());
    return next;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String processId() {
    return origin.processId();
  }

  @Override
  public int processVersion() {
    return origin.processVersion();
  }

  @Override
  public String stage() {
    return stage;
  }

  @Override
  public long version() {
    return history.size();
  }

  @Override
  public Instant createdAt() {
    return Instant.ofEpochSecond(createdAtSecond(), createdAtNano());
  }

  @Override
  public final Instant enteredStageAt() {
    return Instant.ofEpochSecond(enteredStageAtSecond(), enteredStageAtNano());
  }

  @Override
  public DealFacts facts() {
    return facts;
  }

  @Override
  public TransitionHistory history() {
    return history;
  }

  @Override
  Deal.Origin origin() {
    return origin;
  }

  @Override
  public final boolean equals(@Nullable Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof ImmutableDeal that
        && id.equals(that.id)
        && stage.equals(that.stage)
        && history.size() == that.history.size()
        && createdAtSecond() == that.createdAtSecond()
        && createdAtNano() == that.createdAtNano()
        && enteredStageAtSecond() == that.enteredStageAtSecond()
        && enteredStageAtNano() == that.enteredStageAtNano()
        && facts.equals(that.facts)
        && history.equals(that.history)
        && origin.equals(that.origin);
  }

  @Override
  public final int hashCode() {
    int h = 5381;
    h += (h << 5) + id.hashCode();
    h += (h << 5) + origin.processId().hashCode();
    h += (h << 5) + origin.processVersion();
    h += (h << 5) + stage.hashCode();
    h += (h << 5) + Long.hashCode(history.size());
    h += (h << 5) + createdAt().hashCode();
    h += (h << 5) + enteredStageAt().hashCode();
    h += (h << 5) + facts.hashCode();
    h += (h << 5) + history.hashCode();
    h += (h << 5) + origin.ownerHashCode();
    return h;
  }
}
