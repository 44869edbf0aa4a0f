package io.salesflow.testkit;

import io.salesflow.SalesEvent;
import java.util.List;

/**
 * A random walk broke an invariant. The message names the invariant, prints the walk shrunk to a shortest failing
 * sub-sequence, the original length and the seed; {@link ProcessProperties#replay(long)} with {@link #seed()}
 * reproduces it.
 *
 * @since 0.1
 */
public final class WalkFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The seed of the failing walk. */
  private final long seed;
  /** The name of the invariant the walk broke. */
  private final String invariant;
  private final transient List<SalesEvent> shrunkWalk;
  /** How many events the walk had before shrinking. */
  private final int originalLength;

  WalkFailure(String message, long seed, String invariant, List<SalesEvent> shrunkWalk, int originalLength) {
    super(message);
    this.seed = seed;
    this.invariant = invariant;
    this.shrunkWalk = List.copyOf(shrunkWalk);
    this.originalLength = originalLength;
  }

  /** {@return the seed of the failing walk; {@link ProcessProperties#replay(long)} with it fails the same way} */
  public long seed() {
    return seed;
  }

  /** {@return the name of the invariant the walk broke, for example {@code "a rejected event changes nothing"}} */
  public String invariant() {
    return invariant;
  }

  /**
   * Returns the shrunk walk: a sub-sequence of the original that still breaks the invariant, none of whose events
   * can go.
   *
   * @return the events, in the order they were fired; empty when starting the deal broke the invariant
   */
  public List<SalesEvent> shrunkWalk() {
    return shrunkWalk;
  }

  /** {@return how many events the walk had before shrinking} */
  public int originalLength() {
    return originalLength;
  }
}
