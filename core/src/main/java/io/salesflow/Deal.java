package io.salesflow;

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
    // ids are checked for blankness only: their format is the process definition's business, and this check runs
    // for every snapshot an engine makes
    Checks.notBlank(id(), "deal id");
    Checks.notBlank(processId(), "process id");
    Checks.notBlank(stage(), "stage");
    String startKey = startKey();
    if (startKey != null) {
      Checks.notBlank(startKey, "start key");
    }
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

  /** Builds {@link Deal} values; id, process id, stage, version, creation and stage entry times are required. */
  public static final class Builder extends ImmutableDeal.Builder {
    Builder() {}
  }
}
