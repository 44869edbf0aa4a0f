package io.salesflow;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link TransitionGuard} sees when it decides.
 *
 * @param deal the deal as it is before the event
 * @param event the event being fired
 * @param facts the deal's facts as they would be if the event were accepted, so that a guard on
 *     {@code qualification-assessed} reads the new assessment
 * @param now the engine clock's current instant, for time-based rules
 * @since 0.1
 */
public record GuardContext(Deal deal, SalesEvent event, DealFacts facts, Instant now) {
  /**
   * Checks that every component is present; {@link #of(Deal, SalesEvent, Instant)} also works out the facts.
   *
   * @param deal the deal as it is before the event
   * @param event the event being fired
   * @param facts the deal's facts as they would be if the event were accepted
   * @param now the engine clock's current instant
   */
  public GuardContext {
    Objects.requireNonNull(deal, "deal must not be null");
    Objects.requireNonNull(event, "event must not be null");
    Objects.requireNonNull(facts, "facts must not be null");
    Objects.requireNonNull(now, "now must not be null");
  }

  /**
   * Returns the context in which {@code event} is fired at {@code deal} at {@code now}.
   *
   * @param deal the deal as it is before the event
   * @param event the event being fired
   * @param now the engine clock's current instant
   * @return the context, with the facts as {@link DealFacts#apply(SalesEvent)} makes them
   */
  public static GuardContext of(Deal deal, SalesEvent event, Instant now) {
    Objects.requireNonNull(deal, "deal must not be null");
    return new GuardContext(deal, event, deal.facts().apply(event), now);
  }
}
