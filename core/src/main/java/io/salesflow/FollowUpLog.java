package io.salesflow;

import io.salesflow.DealFacts.FollowUp;
import io.salesflow.SalesEvent.FollowUpOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The follow-ups made on a deal, with the counts that follow-up guards read.
 *
 * <p>Immutable; logging one more follow-up does not copy the earlier ones, and the counts are kept as the log grows,
 * so guards read them in constant time.
 *
 * @since 0.1
 */
public final class FollowUpLog {
  private static final FollowUpLog EMPTY = new FollowUpLog(PersistentList.of(), 0, 0);

  private final PersistentList<FollowUp> followUps;
  private final int unansweredInARow;
  private final int rejections;

  private FollowUpLog(PersistentList<FollowUp> followUps, int unansweredInARow, int rejections) {
    this.followUps = followUps;
    this.unansweredInARow = unansweredInARow;
    this.rejections = rejections;
  }

  /** {@return a log with no follow-ups} */
  public static FollowUpLog empty() {
    return EMPTY;
  }

  /**
   * Returns a log of the given follow-ups.
   *
   * @param followUps the follow-ups, oldest first; their order decides {@link #unansweredInARow()}
   * @return the log, with its counts
   */
  public static FollowUpLog of(Iterable<FollowUp> followUps) {
    FollowUpLog log = EMPTY;
    for (FollowUp followUp : followUps) {
      log = log.append(followUp);
    }
    return log;
  }

  /**
   * Returns this log with {@code followUp} added; this log is unchanged.
   *
   * @param followUp the newest follow-up
   * @return the longer log, sharing this log's follow-ups
   */
  public FollowUpLog append(FollowUp followUp) {
    Objects.requireNonNull(followUp, "followUp must not be null");
    return new FollowUpLog(
        followUps.plus(followUp),
        followUp.outcome() == FollowUpOutcome.NO_RESPONSE ? unansweredInARow + 1 : 0,
        followUp.outcome() == FollowUpOutcome.REJECTED ? rejections + 1 : rejections);
  }

  /** {@return how many follow-ups were made, whatever came of them} */
  public int count() {
    return followUps.size();
  }

  /** {@return how many of the most recent follow-ups in a row got no response; 0 once one is answered or rejected} */
  public int unansweredInARow() {
    return unansweredInARow;
  }

  /** {@return how many follow-ups ended in a rejection} */
  public int rejections() {
    return rejections;
  }

  /** {@return the most recent follow-up, or empty if none was made} */
  public Optional<FollowUp> latest() {
    return Optional.ofNullable(followUps.last());
  }

  /** {@return the follow-ups, oldest first, in an unmodifiable list copied on each call} */
  public List<FollowUp> asList() {
    return followUps.toList();
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof FollowUpLog that && count() == that.count() && asList().equals(that.asList()));
  }

  @Override
  public int hashCode() {
    return asList().hashCode();
  }

  @Override
  public String toString() {
    return "FollowUpLog{count=" + count() + ", unansweredInARow=" + unansweredInARow + ", rejections=" + rejections
        + "}";
  }
}
