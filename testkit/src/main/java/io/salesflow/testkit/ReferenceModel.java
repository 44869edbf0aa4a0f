package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Transition;
import io.salesflow.engine.CompiledProcess.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The definition read as a model: what the reference semantics ({@link Decision#reference}) say a deal does on an
 * event. The graph facts (reachability, distances) come from {@link SalesProcess#graph()}.
 */
final class ReferenceModel {
  private ReferenceModel() {}

  /** Returns a version-0 deal in the process's initial stage with no facts, as an engine starts one. */
  static Deal startedDeal(SalesProcess process, String dealId, Instant at) {
    return Deal.builder().id(dealId).processId(process.id()).stage(process.initialStage().id()).version(0)
        .createdAt(at).enteredStageAt(at).facts(DealFacts.none()).build();
  }

  /**
   * Returns the transition the definition takes for {@code event} on {@code deal} at {@code now}, if any, by
   * {@link Decision#reference}.
   *
   * @throws Oracle.GuardThrew if a guard throws instead of answering
   */
  static Optional<Transition> decide(SalesProcess process, Deal deal, SalesEvent event, Instant now) {
    return Optional.ofNullable(Oracle.expect(process, deal, event, now).taken());
  }

  /**
   * Returns the deal after {@code event} by the reference semantics: moved on, or unchanged when rejected.
   *
   * @throws Oracle.GuardThrew if a guard throws instead of answering
   */
  static Deal step(SalesProcess process, Deal deal, SalesEvent event, Instant now) {
    return Oracle.expect(process, deal, event, now).after();
  }

  /** The event types the process has no transition on: built-in ones it does not use, and one custom type. */
  static List<EventType> foreignEventTypes(SalesProcess process) {
    List<EventType> foreign = new ArrayList<>();
    for (EventType type : EventType.builtIn()) {
      if (!process.eventTypes().contains(type)) {
        foreign.add(type);
      }
    }
    foreign.sort(Comparator.comparing(EventType::id));
    EventType custom = EventType.custom("not-in-this-process");
    if (!process.eventTypes().contains(custom)) {
      foreign.add(custom);
    }
    return foreign;
  }
}
