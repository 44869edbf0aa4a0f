package io.salesflow;

import java.time.Instant;

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
  public GuardContext {
    Checks.notNull(deal, "deal");
    Checks.notNull(event, "event");
    Checks.notNull(facts, "facts");
    Checks.notNull(now, "now");
  }

  /** Returns the context in which {@code event} is fired at {@code deal} at {@code now}. */
  public static GuardContext of(Deal deal, SalesEvent event, Instant now) {
    Checks.notNull(deal, "deal");
    return new GuardContext(deal, event, deal.facts().apply(event), now);
  }
}
