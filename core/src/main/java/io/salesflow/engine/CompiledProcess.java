package io.salesflow.engine;

import io.salesflow.GuardContext;
import io.salesflow.SalesProcess;
import io.salesflow.GuardVerdict;
import io.salesflow.Transition;
import io.salesflow.engine.RejectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A process compiled for one engine. It decides which transition, if any, an event takes; the shared runtime then
 * applies it (facts, history, version, store, listeners).
 *
 * <p>The runtime calls {@link #decide(GuardContext)} only for deals in a non-terminal stage and for event types the
 * process knows. Implementations must be thread-safe and must decide exactly as the definition says: the first
 * transition from the deal's stage on the event's type whose guard allows, in definition order. When none does,
 * {@link Decision#refuse(SalesProcess, GuardContext, java.util.List)} builds the same reasons on every engine.
 *
 * @since 0.1
 */
public interface CompiledProcess extends AutoCloseable {

  /** The definition this was compiled from. */
  SalesProcess process();

  /** Decides the step for {@code context.event()} on {@code context.deal()}. */
  Decision decide(GuardContext context);

  /** Releases resources the compiled form holds (pooled machines, say). The default does nothing. */
  @Override
  default void close() {}

  /**
   * What a {@link CompiledProcess} decided for one event: {@link Take} a transition, or {@link Refuse} with reasons.
   *
   * @since 0.1
   */
  sealed interface Decision {

    /** Take this transition. */
    record Take(Transition transition) implements Decision {
      public Take {
        Objects.requireNonNull(transition, "transition must not be null");
      }
    }

    /** Take no transition, for these reasons. */
    record Refuse(RejectionKind kind, List<String> reasons) implements Decision {
      public Refuse {
        Objects.requireNonNull(kind, "kind must not be null");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
          throw new IllegalArgumentException("a refusal needs at least one reason");
        }
      }
    }

    /**
     * The reference semantics every engine must match: the first of {@code candidates} whose guard allows, or a
     * refusal with the reasons of every guard that denied, or {@link RejectionKind#NO_TRANSITION} when there are no
     * candidates.
     *
     * @param candidates the transitions from the deal's stage on the event's type, in definition order
     */
    static Decision firstAllowed(SalesProcess process, GuardContext context, List<Transition> candidates) {
      // the usual case, the first candidate allowed, is kept small enough for the JIT to inline into an engine
      if (!candidates.isEmpty()) {
        Transition first = candidates.get(0);
        GuardVerdict verdict = first.guard().evaluate(context);
        if (verdict.allowed()) {
          return new Take(first);
        }
        return afterDenial(process, context, candidates, verdict);
      }
      return refuse(process, context, List.of());
    }

    /** The rest of {@link #firstAllowed} once the first candidate's guard denied with {@code firstDenial}. */
    private static Decision afterDenial(SalesProcess process, GuardContext context, List<Transition> candidates,
        GuardVerdict firstDenial) {
      List<GuardVerdict> denials = new ArrayList<>(candidates.size());
      denials.add(firstDenial);
      for (int i = 1, n = candidates.size(); i < n; i++) {
        Transition transition = candidates.get(i);
        GuardVerdict verdict = transition.guard().evaluate(context);
        if (verdict.allowed()) {
          return new Take(transition);
        }
        denials.add(verdict);
      }
      return refuse(process, context, denials);
    }

    /**
     * Builds the refusal for an event no transition took, with the same wording on every engine.
     *
     * @param denials the verdicts of the guards that denied, in definition order; empty when the process has no
     *     transition from the deal's stage on the event's type
     */
    static Refuse refuse(SalesProcess process, GuardContext context, List<GuardVerdict> denials) {
      String stage = context.deal().stage();
      if (denials.isEmpty()) {
        String accepted = process.eventTypesFrom(stage).stream().map(Object::toString)
            .collect(Collectors.joining(", "));
        return new Refuse(RejectionKind.NO_TRANSITION, List.of("no transition from stage '" + stage + "' on event '"
            + context.event().type() + "' in process '" + process.id() + "'; from '" + stage + "' it accepts: "
            + (accepted.isEmpty() ? "nothing" : accepted)));
      }
      List<String> reasons = new ArrayList<>();
      for (GuardVerdict verdict : denials) {
        reasons.addAll(verdict.reasons());
      }
      return new Refuse(RejectionKind.GUARD_DENIED, reasons);
    }
  }
}
