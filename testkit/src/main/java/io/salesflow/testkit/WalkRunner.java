package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fires a walk of events at one fresh deal on a fresh engine and checks every invariant after every step. The
 * engine's clock reads each event's time while it is fired, so the engine and the reference model see the same time.
 * Thread-safe if the engine factory is.
 */
final class WalkRunner {
  /** The id of the deal every walk runs on. */
  static final String DEAL_ID = "walk-deal";
  /** When a walk starts: events come after it. */
  static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

  private final SalesProcess process;
  private final Function<ManualClock, DealEngine> engines;

  /**
   * Creates a runner.
   *
   * @param process the definition the invariants hold the engine to
   * @param engines creates a fresh engine running {@code process} on the given clock, with an empty store
   */
  WalkRunner(SalesProcess process, Function<ManualClock, DealEngine> engines) {
    this.process = Objects.requireNonNull(process, "process must not be null");
    this.engines = Objects.requireNonNull(engines, "engines must not be null");
  }

  /**
   * Where a walk broke an invariant.
   *
   * @param step how many events had been fired, the failing one included; 0 when the start itself broke one
   * @param violation the first invariant broken there
   * @param engine the name of the engine that broke it
   */
  record Failure(int step, Violation violation, String engine) {}

  /** Runs the walk and returns the first broken invariant, if any. */
  Optional<Failure> run(List<SalesEvent> walk) {
    ManualClock clock = ManualClock.startingAt(EPOCH);
    int step = 0;
    String name = "unknown";
    try (DealEngine engine = engines.apply(clock)) {
      name = engine.name();
      Deal start = engine.start(DEAL_ID, process.id());
      if (!start.stage().equals(process.initialStage().id()) || start.version() != 0 || !start.history().isEmpty()
          || !engine.get(DEAL_ID).equals(start)) {
        return Optional.of(new Failure(0, new Violation(Invariants.START, "deal '" + DEAL_ID + "' started as "
            + start + " and is stored as " + engine.get(DEAL_ID) + "; expected stage '"
            + process.initialStage().id() + "' at version 0 with no history"), name));
      }
      Deal before = start;
      for (SalesEvent event : walk) {
        step++;
        clock.set(event.occurredAt());
        FireResult result = engine.fire(DEAL_ID, event);
        Deal stored = engine.get(DEAL_ID);
        List<Violation> violations = Invariants.step(process, start, before, event, result, stored);
        if (!violations.isEmpty()) {
          return Optional.of(new Failure(step, violations.get(0), name));
        }
        before = stored;
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(new Failure(step, new Violation(Invariants.NO_EXCEPTION,
          "the engine threw " + e + (step == 0 ? " starting the deal" : " on event " + step)), name));
    }
  }
}
