package io.salesflow.guard;

import io.salesflow.Deal;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A follow-up rhythm: the next follow-up is due a fixed interval after the last one (or after the deal entered its
 * stage, when none was made yet).
 *
 * <p>Due dates are computed from the deal's recorded follow-ups and the instant you pass, never from timers, so they
 * hold for deals restored from a store. Immutable and thread-safe.
 *
 * <pre>{@code
 * FollowUpCadence cadence = FollowUpCadence.every(Duration.ofDays(3));
 * List<Deal> overdue = cadence.overdue(engine.store().findByProcess("five-step"), clock.instant());
 * }</pre>
 *
 * @since 0.1
 */
public final class FollowUpCadence {
  private final Duration interval;

  private FollowUpCadence(Duration interval) {
    this.interval = interval;
  }

  /**
   * Returns a cadence with the given interval between follow-ups.
   *
   * @param interval how long after the last follow-up the next one is due; positive, and at most 3,660 days
   *     ({@link Deal.Limits#MAX_DURATION})
   * @return the cadence
   * @throws IllegalArgumentException if {@code interval} is zero, negative or longer than 3,660 days
   */
  public static FollowUpCadence every(Duration interval) {
    Objects.requireNonNull(interval, "interval must not be null");
    if (interval.isZero() || interval.isNegative() || interval.compareTo(Deal.Limits.MAX_DURATION) > 0) {
      throw new IllegalArgumentException("interval must be positive and at most "
          + Deal.Limits.MAX_DURATION.toDays() + " days, but was " + interval);
    }
    return new FollowUpCadence(interval);
  }

  /** {@return the interval between follow-ups} */
  public Duration interval() {
    return interval;
  }

  /**
   * Returns when the next follow-up on {@code deal} is due.
   *
   * @param deal any deal
   * @return the interval after the later of its latest follow-up and its stage entry
   */
  public Instant nextDue(Deal deal) {
    Objects.requireNonNull(deal, "deal must not be null");
    return deal.followUpDueFrom().plus(interval);
  }

  /**
   * Returns whether the next follow-up on {@code deal} was due before {@code now}; due exactly now is not late.
   *
   * @param deal any deal
   * @param now the instant to judge at, usually the engine clock's
   * @return whether the follow-up is late
   */
  public boolean isOverdue(Deal deal, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    return nextDue(deal).isBefore(now);
  }

  /**
   * Returns the deals whose next follow-up is overdue at {@code now}, most overdue first.
   *
   * @param deals the deals to check, of any process: this method does not look at processes or stages, so pass
   *     only deals in stages where follow-ups are expected (open stages, typically), or use
   *     {@link #overdue(SalesProcess, Collection, Instant)}, which leaves out won and lost deals
   * @param now the instant to judge at, usually the engine clock's
   * @return the overdue deals, by due date, earliest first
   */
  public List<Deal> overdue(Collection<Deal> deals, Instant now) {
    Objects.requireNonNull(deals, "deals must not be null");
    Objects.requireNonNull(now, "now must not be null");
    return deals.stream().filter(d -> isOverdue(d, now)).sorted(Comparator.comparing(this::nextDue)).toList();
  }

  /**
   * Returns the open deals of {@code process} whose next follow-up is overdue at {@code now}, most overdue first; deals
   * in won or lost stages are left out.
   *
   * @param process the process the deals run through, to tell which stages are won or lost
   * @param deals deals of {@code process} only: a deal of another process is refused rather than judged by this
   *     process's stages (two processes may have stages of the same id and different kinds)
   * @param now the instant to judge at, usually the engine clock's
   * @return the overdue deals, by due date, earliest first
   * @throws IllegalArgumentException if a deal runs in another process, or is in a stage the process does not have;
   *     the message names the deal
   */
  public List<Deal> overdue(SalesProcess process, Collection<Deal> deals, Instant now) {
    Objects.requireNonNull(process, "process must not be null");
    Objects.requireNonNull(deals, "deals must not be null");
    return overdue(deals.stream().filter(d -> !stageOf(process, d).isTerminal()).toList(), now);
  }

  private static Stage stageOf(SalesProcess process, Deal deal) {
    Objects.requireNonNull(deal, "deals must not contain null");
    if (!deal.processId().equals(process.id())) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
          + "', not in '" + process.id() + "'; pass the deals of one process, for example store.findByProcess(\""
          + process.id() + "\")");
    }
    return process.findStage(deal.stage()).orElseThrow(() -> new IllegalArgumentException("deal '" + deal.id()
        + "' is in stage '" + deal.stage() + "', which process '" + process.id() + "' does not have"));
  }

  @Override
  public String toString() {
    return "FollowUpCadence{every " + interval + "}";
  }
}
