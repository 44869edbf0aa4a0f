package io.salesflow.testkit;

import io.salesflow.DealFacts;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One walk: the stage and facts its deal starts with, and the events fired at it.
 *
 * @param startStage the stage the deal is started in: the initial stage, or another open or post-sale stage, as a
 *     deal imported from a CRM or referred in starts
 * @param startFacts the facts it is started with
 * @param startEvents the earlier events whose facts {@code startFacts} are, applied in order to no facts; null when
 *     the facts were given as they are
 * @param events the events fired, in order
 */
record Walk(String startStage, DealFacts startFacts, @Nullable List<SalesEvent> startEvents, List<SalesEvent> events) {
  Walk {
    Objects.requireNonNull(startStage, "startStage must not be null");
    Objects.requireNonNull(startFacts, "startFacts must not be null");
    startEvents = startEvents == null ? null : List.copyOf(startEvents);
    events = List.copyOf(events);
  }

  /** {@return a walk of {@code events} at a deal started as usual: in the initial stage, knowing nothing} */
  static Walk fromInitialStage(SalesProcess process, List<SalesEvent> events) {
    return new Walk(process.initialStage().id(), DealFacts.none(), List.of(), events);
  }

  /** {@return a walk of {@code events} at a deal started in {@code stage} with the facts {@code earlier} leave} */
  static Walk startingIn(String stage, List<SalesEvent> earlier, List<SalesEvent> events) {
    return new Walk(stage, factsOf(earlier), earlier, events);
  }

  /** {@return whether the deal starts as a plain start does: in the initial stage, knowing nothing} */
  boolean startsPlainly(SalesProcess process) {
    return startsPlainly(process.initialStage().id());
  }

  /** {@return whether the deal starts in {@code initialStage}, knowing nothing} */
  boolean startsPlainly(String initialStage) {
    return startStage.equals(initialStage) && startFacts.equals(DealFacts.none());
  }

  Walk withEvents(List<SalesEvent> replaced) {
    return new Walk(startStage, startFacts, startEvents, replaced);
  }

  /** {@return this walk with its deal started after fewer earlier events; only for a walk that has them} */
  Walk withStartEvents(List<SalesEvent> earlier) {
    return new Walk(startStage, factsOf(earlier), earlier, events);
  }

  private static DealFacts factsOf(List<SalesEvent> earlier) {
    DealFacts facts = DealFacts.none();
    for (SalesEvent event : earlier) {
      facts = facts.apply(event);
    }
    return facts;
  }
}
