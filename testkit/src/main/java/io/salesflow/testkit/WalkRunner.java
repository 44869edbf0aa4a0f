package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Fires a walk of events at one fresh deal on a fresh engine and checks every step: first what the definition
 * decides for the event (asking every guard itself, so that a guard that throws is named), then the engine's answer
 * against that decision and every invariant. The engine's clock reads each event's time while it is fired, so the
 * engine and the definition decide at the same instant. Thread-safe if the engine factory is.
 */
final class WalkRunner {
  /** The id of the deal every walk runs on. */
  static final String DEAL_ID = "walk-deal";
  /** When a walk starts: events come after it. */
  static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

  private final SalesProcess process;
  private final Function<ManualClock, DealEngine> engines;
  private final boolean compareReasons;

  /**
   * Creates a runner.
   *
   * @param process the definition the engine is held to
   * @param engines creates a fresh engine running {@code process} on the given clock, with an empty store
   * @param compareReasons whether a rejection must carry exactly the definition's reasons
   */
  WalkRunner(SalesProcess process, Function<ManualClock, DealEngine> engines, boolean compareReasons) {
    this.process = Objects.requireNonNull(process, "process must not be null");
    this.engines = Objects.requireNonNull(engines, "engines must not be null");
    this.compareReasons = compareReasons;
  }

  /**
   * Where a walk broke an invariant.
   *
   * @param step how many events had been fired, the failing one included; 0 when the start itself broke one
   * @param violation the first invariant broken there
   * @param engine the name of the engine that broke it
   * @param expected what the definition decided for the failing event, in words; null when it did not decide
   * @param actual what the engine answered, in words; null when it did not answer
   * @param cause what a guard, a listener, the store or the engine threw, if that is the failure
   */
  record Failure(int step, Violation violation, String engine, @Nullable String expected, @Nullable String actual,
      @Nullable Throwable cause) {}

  /** Runs the walk and returns the first broken invariant, if any; counts coverage into {@code coverage}. */
  Optional<Failure> run(Walk walk, Coverage.@Nullable Counter coverage) {
    ManualClock clock = ManualClock.startingAt(EPOCH);
    int step = 0;
    String name = "unknown";
    Deal before = null;
    SalesEvent event = null;
    Oracle.Expected expected = null;
    try (DealEngine engine = engines.apply(clock)) {
      name = engine.name();
      Deal start = walk.startsPlainly(process) ? engine.start(DEAL_ID, process.id())
          : engine.start(DEAL_ID, process.id(), walk.startFacts(), walk.startStage());
      if (!start.stage().equals(walk.startStage()) || start.version() != 0 || !start.history().isEmpty()
          || !start.facts().equals(walk.startFacts()) || !start.createdAt().equals(EPOCH)
          || !start.enteredStageAt().equals(EPOCH) || !engine.get(DEAL_ID).equals(start)) {
        return Optional.of(new Failure(0, new Violation(Invariants.START, "deal '" + DEAL_ID + "' started as "
            + start + " and is stored as " + engine.get(DEAL_ID) + "; expected stage '" + walk.startStage()
            + "' at version 0 with no history, the facts " + walk.startFacts() + ", created and in its stage since "
            + EPOCH), name, null, null, null));
      }
      if (coverage != null) {
        coverage.walkStarted(walk.startStage());
      }
      before = start;
      for (SalesEvent next : walk.events()) {
        step++;
        event = next;
        expected = null;
        clock.set(event.occurredAt());
        try {
          expected = Oracle.expect(process, before, event, clock.instant());
        } catch (Oracle.GuardThrew threw) {
          return Optional.of(new Failure(step, new Violation(Invariants.GUARDS_ANSWER, threw.getMessage()), name,
              null, null, threw.getCause()));
        }
        if (coverage != null) {
          coverage.decided(expected);
        }
        FireResult result = engine.fire(DEAL_ID, event);
        Deal stored = engine.get(DEAL_ID);
        List<Violation> violations = new ArrayList<>(Invariants.step(process, start, before, event, result, stored));
        violations.addAll(Oracle.compare(expected, result, compareReasons));
        if (!violations.isEmpty()) {
          return Optional.of(new Failure(step, violations.get(0), name, expected.describe(), Oracle.describe(result),
              null));
        }
        before = stored;
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      String where = step == 0 ? "starting deal '" + DEAL_ID + "'"
          : "firing event " + step + ", " + Events.text(Objects.requireNonNull(event)) + ", at "
              + Events.snapshot(Objects.requireNonNull(before));
      return Optional.of(new Failure(step, new Violation(Invariants.NO_EXCEPTION, "the engine threw " + e + " "
          + where + " (a listener, the store or the engine itself; see the cause)"), name,
          expected == null ? null : expected.describe(), "threw " + e, e));
    }
  }
}
