package io.salesflow;

import java.util.List;
import java.util.Objects;

/**
 * One way out of a deal's stage and whether it is open now, as {@link SalesProcess#explain(Deal, java.time.Instant)}
 * answers "what is blocking this deal?".
 *
 * @param transition the transition
 * @param verdict whether its guard allows it now, and if not, every unmet condition
 * @since 0.1
 */
public record TransitionOption(Transition transition, GuardVerdict verdict) {
  /**
   * Checks that both components are present.
   *
   * @param transition the transition the verdict is about
   * @param verdict whether its guard allows it now
   */
  public TransitionOption {
    Objects.requireNonNull(transition, "transition must not be null");
    Objects.requireNonNull(verdict, "verdict must not be null");
  }

  /** {@return whether the transition is allowed now} */
  public boolean allowed() {
    return verdict.allowed();
  }

  /** {@return every unmet condition, as the guard worded it; empty when allowed} */
  public List<String> unmetConditions() {
    return verdict.reasons();
  }

  @Override
  public String toString() {
    return transition + ": " + verdict;
  }
}
