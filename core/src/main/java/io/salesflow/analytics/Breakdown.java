package io.salesflow.analytics;

import java.util.Optional;

/**
 * How the closed deals with one value of a fact turned out, for example those approached with the question approach.
 *
 * @param value the fact's value, for example {@code "question"}
 * @param won closed deals with this value that were won
 * @param lost closed deals with this value that were lost
 * @since 0.1
 */
public record Breakdown(String value, int won, int lost) {

  /** The share of closed deals that were won; empty when none is closed. */
  public Optional<Double> winRate() {
    int closed = won + lost;
    return closed == 0 ? Optional.empty() : Optional.of((double) won / closed);
  }
}
