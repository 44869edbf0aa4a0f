package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The invariants the testkit checks, for users who drive engines their own way.
 *
 * <p>They hold after every step of a walk on an engine:
 * <ul>
 *   <li>the engine decides each event as the definition does (with
 *       {@link #stepViolations(SalesProcess, Deal, Deal, SalesEvent, Instant, FireResult, Deal)}, which knows the
 *       instant the engine decided at): where the definition takes a transition, the engine accepts the event with
 *       the same record, target stage, facts and version; where it refuses, the engine rejects it with the same kind
 *       and the same reasons; and no guard throws instead of answering;</li>
 *   <li>the engine agrees with the definition about which (stage, event) pairs exist: a rejection is
 *       {@code NO_TRANSITION} exactly when the definition has no transition, {@code TERMINAL_STAGE} for a won or lost
 *       deal, {@code UNKNOWN_EVENT_TYPE} for a type the process never uses, and an accepted event took a transition
 *       the definition has;</li>
 *   <li>a rejected event changes nothing; the stored deal is the one the engine returned;</li>
 *   <li>the version rises by one per accepted transition and equals the history's length; the history is
 *       continuous (each record starts where the previous one ended) and earlier records never change;</li>
 *   <li>an internal transition keeps the stage and its entry time; facts change exactly as the events say;</li>
 *   <li>the deal is always in a stage the definition can reach;</li>
 *   <li>a deal that reaches a won (or post-sale) stage passed every guard on its path: each recorded transition is
 *       re-decided, guards re-evaluated, on the deal as it was before it.</li>
 * </ul>
 * Each violation is a sentence starting with the invariant's name in brackets.
 *
 * <p>A process's structure needs no invariant here: {@code SalesProcess.Builder.build()} refuses a process with an
 * unreachable stage, an open stage that cannot reach an outcome, a transition out of a won or lost stage or a
 * transition that can never fire, so every built process is sound.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ProcessInvariants {
  private ProcessInvariants() {}

  /**
   * Returns the behavioural invariants one step broke; empty when it broke none.
   *
   * @param process the definition the engine is held to
   * @param started the deal as the engine started it (version 0), to replay its path from
   * @param before the deal as stored before the event
   * @param event the event fired, without an expected version
   * @param now the instant the engine's clock read while it decided, which time-based guards see
   * @param result what the engine answered
   * @param after the deal as read back from the engine after the event
   * @return one sentence per broken invariant, each starting with the invariant's name in brackets
   */
  public static List<String> stepViolations(SalesProcess process, Deal started, Deal before, SalesEvent event,
      Instant now, FireResult result, Deal after) {
    Objects.requireNonNull(now, "now must not be null");
    List<String> violations = new ArrayList<>(stepViolations(process, started, before, event, result, after));
    Oracle.Expected expected;
    try {
      expected = Oracle.expect(process, before, event, now);
    } catch (Oracle.GuardThrew threw) {
      violations.add(new Violation(Invariants.GUARDS_ANSWER, threw.getMessage()).toString());
      return violations;
    }
    violations.addAll(strings(Oracle.compare(expected, result, true)));
    return violations;
  }

  /**
   * Returns the invariants one step broke, all but the step-by-step comparison with the definition's decision,
   * which needs the instant the engine decided at: see
   * {@link #stepViolations(SalesProcess, Deal, Deal, SalesEvent, Instant, FireResult, Deal)}.
   *
   * @param process the definition the engine is held to
   * @param started the deal as the engine started it (version 0), to replay its path from
   * @param before the deal as stored before the event
   * @param event the event fired, without an expected version
   * @param result what the engine answered
   * @param after the deal as read back from the engine after the event
   * @return one sentence per broken invariant, each starting with the invariant's name in brackets
   */
  public static List<String> stepViolations(SalesProcess process, Deal started, Deal before, SalesEvent event,
      FireResult result, Deal after) {
    return strings(Invariants.step(Objects.requireNonNull(process, "process must not be null"),
        Objects.requireNonNull(started, "started must not be null"), Objects.requireNonNull(before, "before must not be null"),
        Objects.requireNonNull(event, "event must not be null"), Objects.requireNonNull(result, "result must not be null"),
        Objects.requireNonNull(after, "after must not be null")));
  }

  private static List<String> strings(List<Violation> violations) {
    return violations.stream().map(Violation::toString).toList();
  }
}
