package io.salesflow;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one implementation of {@link Deal}, written by hand so that a snapshot takes 56 bytes: its two times kept as
 * primitives (an {@link Instant} is built when read), its version read from its history's size (which it always
 * equals), its process and process version in its {@link Deal.Origin} (shared between snapshots and deals),
 * everything else by reference. Equality and hash code are over the same attributes, with the same values, as when
 * Immutables generated this class.
 */
final class ImmutableDeal extends Deal {
  private final String id;
  private final String stage;
  private final DealFacts facts;
  private final TransitionHistory history;
  private final Deal.Origin origin;
  private final long createdAtSecond;
  private final long enteredStageAtSecond;
  private final int createdAtNano;
  private final int enteredStageAtNano;

  private ImmutableDeal(String id, String stage, long createdAtSecond,
      int createdAtNano, long enteredStageAtSecond, int enteredStageAtNano, DealFacts facts,
      TransitionHistory history, Deal.Origin origin) {
    this.id = id;
    this.stage = stage;
    this.createdAtSecond = createdAtSecond;
    this.createdAtNano = createdAtNano;
    this.enteredStageAtSecond = enteredStageAtSecond;
    this.enteredStageAtNano = enteredStageAtNano;
    this.facts = facts;
    this.history = history;
    this.origin = origin;
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
    ImmutableDeal deal = new ImmutableDeal(Objects.requireNonNull(id, "id"), Objects.requireNonNull(stage, "stage"),
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
    boolean internal = record.internal();
    Instant at = record.at();
    ImmutableDeal next = new ImmutableDeal(id, record.to(), createdAtSecond,
        createdAtNano, internal ? enteredStageAtSecond : at.getEpochSecond(),
        internal ? enteredStageAtNano : at.getNano(), nextFacts, nextHistory, origin);
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
  public Instant enteredStageAt() {
    return Instant.ofEpochSecond(enteredStageAtSecond, enteredStageAtNano);
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
  public boolean equals(@Nullable Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof ImmutableDeal that
        && id.equals(that.id)
        && stage.equals(that.stage)
        && history.size() == that.history.size()
        && createdAtSecond == that.createdAtSecond
        && createdAtNano == that.createdAtNano
        && enteredStageAtSecond == that.enteredStageAtSecond
        && enteredStageAtNano == that.enteredStageAtNano
        && facts.equals(that.facts)
        && history.equals(that.history)
        && origin.equals(that.origin);
  }

  @Override
  public int hashCode() {
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
