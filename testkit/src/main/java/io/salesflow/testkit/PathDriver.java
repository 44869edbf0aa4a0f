package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Transition;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives a deal along a given path of transitions on a fresh engine. For each step it generates events of the step's
 * type until the definition's own semantics take exactly that transition (firing a few of the stage's internal events
 * first when the guard needs facts), fires it and checks every invariant.
 */
final class PathDriver {
  private static final int TRIES_PER_EVENT = 60;
  private static final int PREPARATIONS = 40;

  private final SalesProcess process;
  private final Function<ManualClock, DealEngine> engines;
  private final Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> payloads;
  private final boolean compareReasons;

  PathDriver(SalesProcess process, Function<ManualClock, DealEngine> engines,
      Map<EventType, BiFunction<Instant, RandomGenerator, ? extends SalesEvent>> payloads, boolean compareReasons) {
    this.process = Objects.requireNonNull(process, "process must not be null");
    this.engines = Objects.requireNonNull(engines, "engines must not be null");
    this.payloads = Map.copyOf(payloads);
    this.compareReasons = compareReasons;
  }

  /**
   * Drives the path; returns the stored deal at its end.
   *
   * @throws AssertionError if the engine breaks an invariant or does not follow the path, or a guard throws
   * @throws org.opentest4j.TestAbortedException if no generated event passes a step's guard, so the path cannot be
   *     driven with generated events
   */
  Deal drive(List<Transition> steps, RandomGenerator random) {
    try {
      return driveAlong(steps, random);
    } catch (Oracle.GuardThrew threw) {
      throw new AssertionError("[" + Invariants.GUARDS_ANSWER + "] " + threw.getMessage(), threw.getCause());
    }
  }

  private Deal driveAlong(List<Transition> steps, RandomGenerator random) {
    ManualClock clock = ManualClock.startingAt(WalkRunner.EPOCH);
    List<SalesEvent> fired = new ArrayList<>();
    try (DealEngine engine = engines.apply(clock)) {
      Deal start = engine.start(WalkRunner.DEAL_ID, process.id());
      Deal deal = start;
      for (Transition step : steps) {
        SalesEvent event = null;
        for (int preparation = 0; event == null && preparation <= PREPARATIONS; preparation++) {
          event = find(step, deal, clock.instant(), random).orElse(null);
          if (event == null && preparation < PREPARATIONS) {
            Optional<SalesEvent> internal = prepare(deal, clock.instant(), random);
            if (internal.isEmpty()) {
              break;
            }
            deal = fire(engine, clock, start, deal, internal.get(), fired, null);
          }
        }
        Assumptions.assumeTrue(event != null, () -> "no generated '" + step.event() + "' event passed the guard of "
            + step + " for deal " + WalkRunner.DEAL_ID + " after " + fired.size() + " events " + fired
            + "; the path cannot be driven with generated events");
        deal = fire(engine, clock, start, deal, Objects.requireNonNull(event), fired, step);
      }
      return deal;
    }
  }

  private Optional<SalesEvent> find(Transition step, Deal deal, Instant now, RandomGenerator random) {
    Instant at = now.plusSeconds(60);
    for (int i = 0; i < TRIES_PER_EVENT; i++) {
      SalesEvent candidate = Payloads.event(step.event(), deal.facts(), at, random, payloads);
      if (ReferenceModel.decide(process, deal, candidate, at).filter(step::equals).isPresent()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private Optional<SalesEvent> prepare(Deal deal, Instant now, RandomGenerator random) {
    Instant at = now.plusSeconds(60);
    // preparing means bringing facts, not new problems: no objections raised, and open ones resolved first
    List<Transition> internals = process.transitionsFrom(deal.stage()).stream().filter(Transition::internal)
        .filter(t -> !t.event().equals(EventType.OBJECTION_RAISED))
        .filter(t -> deal.facts().openObjections().isEmpty() || t.event().equals(EventType.OBJECTION_RESOLVED)
            || process.transitions(deal.stage(), EventType.OBJECTION_RESOLVED).isEmpty())
        .toList();
    for (int i = 0; i < TRIES_PER_EVENT && !internals.isEmpty(); i++) {
      SalesEvent candidate = Payloads.event(Payloads.pick(internals, random).event(), deal.facts(), at, random,
          payloads);
      if (ReferenceModel.decide(process, deal, candidate, at).filter(Transition::internal).isPresent()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private Deal fire(DealEngine engine, ManualClock clock, Deal start, Deal before, SalesEvent event,
      List<SalesEvent> fired, @Nullable Transition expected) {
    clock.set(event.occurredAt());
    fired.add(event);
    Oracle.Expected decided = Oracle.expect(process, before, event, clock.instant());
    FireResult result = engine.fire(WalkRunner.DEAL_ID, event);
    Deal stored = engine.get(WalkRunner.DEAL_ID);
    List<Violation> violations = new ArrayList<>(Invariants.step(process, start, before, event, result, stored));
    violations.addAll(Oracle.compare(decided, result, compareReasons));
    if (!violations.isEmpty()) {
      throw new AssertionError("on engine '" + engine.name() + "', after the events " + fired + ": "
          + violations.get(0));
    }
    if (!result.isAccepted() || (expected != null && !stored.stage().equals(expected.target()))) {
      throw new AssertionError("on engine '" + engine.name() + "', " + event + " should take " + (expected == null
          ? "an internal transition" : expected) + " by the definition, but the engine answered: " + result);
    }
    return stored;
  }
}
