package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.Transition;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.CompiledProcess.Decision;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The definition read as a model: what the reference semantics ({@link Decision#firstAllowed}) say a deal does on an
 * event, and the graph facts (reachability, distance to a won stage) generators and invariants need.
 */
final class ReferenceModel {
  private ReferenceModel() {}

  /** Returns a version-0 deal in the process's initial stage with no facts, as an engine starts one. */
  static Deal startedDeal(SalesProcess process, String dealId, Instant at) {
    return Deal.builder().id(dealId).processId(process.id()).stage(process.initialStage().id()).version(0)
        .createdAt(at).enteredStageAt(at).facts(DealFacts.none()).build();
  }

  /** Returns the transition the definition takes for {@code event} on {@code deal} at {@code now}, if any. */
  static Optional<Transition> decide(SalesProcess process, Deal deal, SalesEvent event, Instant now) {
    Stage stage = process.stage(deal.stage());
    if (stage.isTerminal() || !process.eventTypes().contains(event.type())) {
      return Optional.empty();
    }
    Decision decision = Decision.firstAllowed(process, GuardContext.of(deal, event, now),
        process.transitions(deal.stage(), event.type()));
    return decision instanceof Decision.Take take ? Optional.of(take.transition()) : Optional.empty();
  }

  /** Returns the deal after {@code event} by the reference semantics: moved on, or unchanged when rejected. */
  static Deal step(SalesProcess process, Deal deal, SalesEvent event, Instant now) {
    Optional<Transition> taken = decide(process, deal, event, now);
    if (taken.isEmpty()) {
      return deal;
    }
    Transition t = taken.get();
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), t.target(), event, now,
        t.internal());
    return deal.advance(record, deal.facts().apply(event));
  }

  /** The stages reachable from the initial stage along stage-changing transitions, the initial stage included. */
  static Set<String> reachableStages(SalesProcess process) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    String initial = process.initialStage().id();
    seen.add(initial);
    todo.add(initial);
    while (!todo.isEmpty()) {
      for (Transition t : process.transitionsFrom(todo.poll())) {
        if (!t.internal() && seen.add(t.target())) {
          todo.add(t.target());
        }
      }
    }
    return seen;
  }

  /** The stages from which some stage whose kind satisfies {@code goal} can be reached, those stages included. */
  static Set<String> stagesLeadingTo(SalesProcess process, Set<StageKind> goal) {
    return distancesTo(process, goal).keySet();
  }

  /**
   * The fewest stage-changing transitions from each stage to a stage of one of the {@code goal} kinds; stages that
   * cannot get there are absent.
   */
  static Map<String, Integer> distancesTo(SalesProcess process, Set<StageKind> goal) {
    Map<String, Set<String>> predecessors = new HashMap<>();
    for (Transition t : process.transitions()) {
      if (!t.internal()) {
        predecessors.computeIfAbsent(t.target(), s -> new HashSet<>()).add(t.source());
      }
    }
    Map<String, Integer> distance = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    for (Stage stage : process.stages()) {
      if (goal.contains(stage.kind())) {
        distance.put(stage.id(), 0);
        todo.add(stage.id());
      }
    }
    while (!todo.isEmpty()) {
      String stage = todo.poll();
      for (String previous : predecessors.getOrDefault(stage, Set.of())) {
        if (!distance.containsKey(previous)) {
          distance.put(previous, distance.get(stage) + 1);
          todo.add(previous);
        }
      }
    }
    return distance;
  }

  /** The event types the process has no transition on: built-in ones it does not use, and one custom type. */
  static List<EventType> foreignEventTypes(SalesProcess process) {
    List<EventType> foreign = new java.util.ArrayList<>();
    for (EventType type : EventType.builtIn()) {
      if (!process.eventTypes().contains(type)) {
        foreign.add(type);
      }
    }
    foreign.sort(java.util.Comparator.comparing(EventType::id));
    EventType custom = EventType.custom("not-in-this-process");
    if (!process.eventTypes().contains(custom)) {
      foreign.add(custom);
    }
    return foreign;
  }
}
