package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Transition;
import io.salesflow.TransitionRecord;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.engine.FireResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The step-by-step oracle: what the definition itself decides for one event on one deal at one instant, and whether
 * an engine's answer matches it exactly (accepted with the same record, target, facts and version, or rejected with
 * the same kind and reasons).
 *
 * <p>The decision follows {@link Decision#reference}: the refusal before guards, else the first of the stage's
 * transitions on the event's type whose guard allows, in definition order, else {@link Decision#refuse} with every
 * denial. The guards are evaluated here one by one, so that each verdict can be counted for coverage and a guard that
 * throws can be named. Stateless and thread-safe.
 */
final class Oracle {
  private Oracle() {}

  /**
   * One guard's verdict on the way to a decision.
   *
   * @param transition the transition whose guard was asked
   * @param verdict its answer
   */
  record Verdict(Transition transition, GuardVerdict verdict) {}

  /**
   * What the definition decides for one event.
   *
   * @param deal the deal the event is fired at
   * @param event the event
   * @param now the instant the engine's clock reads while deciding
   * @param decision the decision
   * @param verdicts the guards asked, in order, up to and including the first that allowed
   */
  record Expected(Deal deal, SalesEvent event, Instant now, Decision decision, List<Verdict> verdicts) {
    Expected {
      verdicts = List.copyOf(verdicts);
    }

    /** {@return the transition the definition takes, or null when it refuses the event} */
    @Nullable Transition taken() {
      return decision instanceof Decision.Take take ? take.transition() : null;
    }

    /** {@return the record an engine must append when the definition takes a transition} */
    TransitionRecord record() {
      Transition t = Objects.requireNonNull(taken(), "the definition refuses this event");
      return new TransitionRecord(deal.version() + 1, deal.stage(), t.target(), event, now, t.internal());
    }

    /** {@return the deal after the event: moved on by {@link #record()}, or unchanged when refused} */
    Deal after() {
      return taken() == null ? deal : deal.advance(record(), deal.facts().apply(event));
    }

    /** {@return the outcome in words, as a failure prints it} */
    String describe() {
      if (decision instanceof Decision.Refuse refuse) {
        return "rejected as " + refuse.kind() + ": " + String.join("; ", refuse.reasons());
      }
      return "accepted: " + describe(record());
    }

    private static String describe(TransitionRecord record) {
      return (record.internal() ? record.from() + " (internal)" : record.from() + " -> " + record.to())
          + ", version " + record.version();
    }
  }

  /** A guard threw instead of answering; the testkit reports it as a finding. */
  static final class GuardThrew extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Transition transition;
    private final transient Deal deal;
    private final transient SalesEvent event;

    GuardThrew(Transition transition, Deal deal, SalesEvent event, RuntimeException cause) {
      super("the guard \"" + transition.guard().label() + "\" of " + transition + " threw " + cause
          + " deciding " + Events.text(event) + " for " + Events.snapshot(deal), cause);
      this.transition = transition;
      this.deal = deal;
      this.event = event;
    }

    /** {@return the transition whose guard threw} */
    Transition transition() {
      return transition;
    }

    /** {@return the deal the guard was asked about} */
    Deal deal() {
      return deal;
    }

    /** {@return the event the guard was asked about} */
    SalesEvent event() {
      return event;
    }
  }

  /**
   * Returns what the definition decides for {@code event} on {@code deal} at {@code now}.
   *
   * @throws GuardThrew if a guard throws (or answers null) instead of giving a verdict
   */
  static Expected expect(SalesProcess process, Deal deal, SalesEvent event, Instant now) {
    List<Transition> candidates = process.transitions(deal.stage(), event.type());
    if (candidates.isEmpty()) {
      return new Expected(deal, event, now,
          Objects.requireNonNull(Decision.beforeGuards(process, deal, event.type())), List.of());
    }
    GuardContext context = GuardContext.of(deal, event, now);
    List<Verdict> verdicts = new ArrayList<>(candidates.size());
    List<GuardVerdict> denials = new ArrayList<>(candidates.size());
    for (Transition t : candidates) {
      GuardVerdict verdict;
      try {
        verdict = t.evaluate(context); // refuses a null verdict, as engines do
      } catch (RuntimeException e) {
        throw new GuardThrew(t, deal, event, e);
      }
      verdicts.add(new Verdict(t, verdict));
      if (verdict.allowed()) {
        return new Expected(deal, event, now, new Decision.Take(t), verdicts);
      }
      denials.add(verdict);
    }
    return new Expected(deal, event, now, Decision.refuse(process, context, denials), verdicts);
  }

  /**
   * Compares what an engine answered with what the definition decided.
   *
   * @param expected the definition's decision for the step
   * @param result what the engine answered
   * @param compareReasons whether a rejection must carry exactly the definition's reasons
   * @return the differences, each a {@link Invariants#ORACLE} violation; empty when the answer matches
   */
  static List<Violation> compare(Expected expected, FireResult result, boolean compareReasons) {
    List<Violation> violations = new ArrayList<>();
    String step = Events.deal(expected.deal()) + " on " + Events.text(expected.event()) + ": the definition says "
        + expected.describe() + ", but the engine answered " + describe(result);
    if (expected.decision() instanceof Decision.Refuse refuse) {
      if (!(result instanceof FireResult.Rejected rejected)) {
        violations.add(new Violation(Invariants.ORACLE, step));
      } else if (rejected.kind() != refuse.kind()) {
        violations.add(new Violation(Invariants.ORACLE, step + " (another kind of rejection)"));
      } else if (compareReasons && !rejected.reasons().equals(refuse.reasons())) {
        violations.add(new Violation(Invariants.ORACLE, step + " (other reasons; if your engine words its reasons"
            + " differently on purpose, call ignoreRejectionReasons())"));
      }
      return violations;
    }
    if (!(result instanceof FireResult.Accepted accepted)) {
      violations.add(new Violation(Invariants.ORACLE, step));
      return violations;
    }
    TransitionRecord record = expected.record();
    if (!accepted.transition().equals(record)) {
      violations.add(new Violation(Invariants.ORACLE, step + "; it recorded " + Events.record(accepted.transition())
          + " instead of " + Events.record(record)));
    }
    Deal after = expected.after();
    if (!accepted.deal().equals(after)) {
      violations.add(new Violation(Invariants.ORACLE, Events.deal(expected.deal()) + " on "
          + Events.text(expected.event()) + ": the engine returned a deal with "
          + String.join(", ", Events.differences(accepted.deal(), after))));
    }
    return violations;
  }

  /** {@return an engine's answer in words, as a failure prints it} */
  static String describe(FireResult result) {
    if (result instanceof FireResult.Rejected rejected) {
      return "rejected as " + rejected.kind() + ": " + String.join("; ", rejected.reasons());
    }
    TransitionRecord record = ((FireResult.Accepted) result).transition();
    return "accepted: " + Expected.describe(record);
  }
}
