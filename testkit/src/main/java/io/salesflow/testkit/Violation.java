package io.salesflow.testkit;

import java.util.Objects;

/**
 * One broken invariant.
 *
 * @param invariant the invariant's name, one of the constants of {@link Invariants}
 * @param message what was seen, naming the deal, stages, events and versions involved
 */
record Violation(String invariant, String message) {
  public Violation {
    Objects.requireNonNull(invariant, "invariant must not be null");
    Objects.requireNonNull(message, "message must not be null");
  }

  @Override
  public String toString() {
    return "[" + invariant + "] " + message;
  }
}
