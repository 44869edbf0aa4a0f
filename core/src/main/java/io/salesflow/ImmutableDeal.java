package io.salesflow;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link Deal}, written by hand so that a snapshot takes 48 bytes: its creation time kept
 * as primitives (an {@link Instant} is built when read), the time it entered its stage read from its history (the
 * time of its last record that changed its stage, found at most {@value #MAX_INTERNAL_RUN} internal records back, or
 * its creation time when there is none), its version read from its history's size (which it always equals), its
 * process and process version in its {@link Deal.Origin} (shared between snapshots and deals), everything else by
 * reference. A snapshot whose stage entry time its history does not tell (after a longer run of internal records,
 * or built with another time) is an {@link Entered}, 56 bytes, which keeps that time. Equality and hash code are
 * over the same attributes, with the same values, as when Immutables generated this class.
 */
class ImmutableDeal extends Deal {
  /** The most internal records a snapshot looks back over for the record that started its stage. */
  static final int MAX_INTERNAL_RUN = 8;

  private final String id;
  private final String stage;
  private final DealFacts facts;
  private final TransitionHistory history;
  private final Deal.Origin origin;
  private final long createdAtSecond;
  private final int createdAtNano;
  // in the gap the object's alignment leaves: how many internal records end the history, after the record that
  // started the stage (or after none); an Entered keeps its entry time's nanoseconds here instead
  private final int internalRunOrEnteredNano;

  private ImmutableDeal(String id, String stage, long createdAtSecond, int createdAtNano, DealFacts facts,
      TransitionHistory history, Deal.Origin origin, int internalRunOrEnteredNano) {
    this.id = id;
    this.stage = stage;
    this.createdAtSecond = createdAtSecond;
    this.createdAtNano = createdAtNano;
    this.facts = facts;
    this.history = history;
    this.origin = origin;
    this.internalRunOrEnteredNano = internalRunOrEnteredNano;
  }

  /** Builds a snapshot of the right form: the compact one when its stage entry time is its history's. */
  private static ImmutableDeal make(String id, String stage, long createdAtSecond, int createdAtNano,
      long enteredStageAtSecond, int enteredStageAtNano, DealFacts facts, TransitionHistory history,
      Deal.Origin origin) {
    int run = 0;
    TransitionHistory node = history;
    while (!node.isEmpty() && node.lastInternal() && run < MAX_INTERNAL_RUN) {
      node = node.back(1);
      run++;
    }
    boolean derived;
    if (node.isEmpty()) {
      derived = enteredStageAtSecond == createdAtSecond && enteredStageAtNano == createdAtNano;
    } else {
      derived = !node.lastInternal() && enteredStageAtSecond == node.lastAtSecond()
          && enteredStageAtNano == node.lastAtNano();
    }
    return derived ? new ImmutableDeal(id, stage, createdAtSecond, createdAtNano, facts, history, origin, run)
        : new Entered(id, stage, createdAtSecond, createdAtNano, enteredStageAtSecond, enteredStageAtNano, facts,
            history, origin);
  }

  /** A snapshot that keeps the time it entered its stage, because its history does not tell it. */
  static final class Entered extends ImmutableDeal {
    private final long enteredStageAtSecond;

    Entered(String id, String stage, long createdAtSecond, int createdAtNano, long enteredStageAtSecond,
        int enteredStageAtNano, DealFacts facts, TransitionHistory history, Deal.Origin origin) {
      super(id, stage, createdAtSecond, createdAtNano, facts, history, origin, enteredStageAtNano);
      this.enteredStageAtSecond = enteredStageAtSecond;
    }

    @Override
    long enteredStageAtSecond() {
      return enteredStageAtSecond;
    }

    @Override
    int enteredStageAtNano() {
      return super.internalRunOrEnteredNano;
    }
  }

  /** The seconds of {@link #enteredStageAt()}. */
  long enteredStageAtSecond() {
    TransitionHistory started = history.back(internalRunOrEnteredNano);
    return started.isEmpty() ? createdAtSecond : started.lastAtSecond();
  }

  /** The nanoseconds of {@link #enteredStageAt()}. */
  int enteredStageAtNano() {
    TransitionHistory started = history.back(internalRunOrEnteredNano);
    return started.isEmpty() ? createdAtNano : started.lastAtNano();
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
    // compact snapshot reads from there; an internal one keeps this snapshot's entry time, one record further back
    ImmutableDeal next;
    if (!record.internal()) {
      next = new ImmutableDeal(id, record.to(), createdAtSecond, createdAtNano, nextFacts, nextHistory, origin, 0);
    } else if (!(this instanceof Entered) && internalRunOrEnteredNano < MAX_INTERNAL_RUN) {
      next = new ImmutableDeal(id, record.to(), createdAtSecond, createdAtNano, nextFacts, nextHistory, origin,
          internalRunOrEnteredNano + 1);
    } else {
      next = new Entered(id, record.to(), createdAtSecond, createdAtNano, enteredStageAtSecond(),
          enteredStageAtNano(), nextFacts, nextHistory, origin);
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
    return Instant.ofEpochSecond(createdAtSecond, createdAtNano);
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
        && createdAtSecond == that.createdAtSecond
        && createdAtNano == that.createdAtNano
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
