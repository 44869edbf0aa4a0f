package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.engine.FireResult.RejectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A process compiled for one engine. It decides which transition, if any, an event takes; the shared runtime then
 * applies it (facts, history, version, store, listeners).
 *
 * <p>The runtime asks {@link Decision#beforeGuards} first (a won or lost stage, an event type the process never
 * uses, no transition from the stage on it) and calls {@link #decide(GuardContext)} only when it refused nothing, so
 * every engine rejects in the same order. Implementations must be thread-safe and must then decide exactly as
 * {@link Decision#reference} does: the first of the stage's transitions on the event's type whose guard allows, in
 * definition order ({@link Decision#firstAllowed}). When none does,
 * {@link Decision#refuse(SalesProcess, GuardContext, java.util.List)} builds the same reasons on every engine.
 *
 * @since 0.1
 */
public interface CompiledProcess extends AutoCloseable {

  /** {@return the definition this was compiled from} */
  SalesProcess process();

  /**
   * Decides the step for {@code context.event()} on {@code context.deal()}.
   *
   * @param context the deal, the event, the facts as they would be after it, and the engine clock's instant; the
   *     runtime has already checked {@link Decision#beforeGuards} for it
   * @return the transition to take, or a refusal with every reason
   */
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

    /**
     * Returns the refusal the definition gives before any guard is asked, checked in this order on every engine and
     * in the testkit: the deal is in a won or lost stage ({@link RejectionKind#TERMINAL_STAGE}); no transition of
     * the process fires on the event's type ({@link RejectionKind#UNKNOWN_EVENT_TYPE}); none leaves the deal's stage
     * on it ({@link RejectionKind#NO_TRANSITION}).
     *
     * @param process the process the deal runs through
     * @param deal the deal the event is fired at
     * @param type the type of the event being fired
     * @return the refusal, or {@code null} when there are transitions for guards to decide
     * @throws IllegalArgumentException if the process has no stage with the deal's stage id
     */
    static @Nullable Refuse beforeGuards(SalesProcess process, Deal deal, EventType type) {
      // build() lets no transition leave a won or lost stage, so a stage with transitions on the type is open
      return process.transitions(deal.stage(), type).isEmpty() ? refusal(process, deal, type) : null;
    }

    /**
     * The reference semantics every engine must match: {@link #beforeGuards}, then {@link #firstAllowed} over the
     * transitions from the deal's stage on the event's type. The table engine decides with exactly this.
     *
     * @param process the process the deal runs through
     * @param context the deal, the event, the facts as they would be after it, and the time
     * @return what an engine must decide for the event
     */
    static Decision reference(SalesProcess process, GuardContext context) {
      List<Transition> candidates = process.transitions(context.deal().stage(), context.event().type());
      return candidates.isEmpty()
          ? refusal(process, context.deal(), context.event().type())
          : firstAllowed(process, context, candidates);
    }

    /** The refusal for a deal whose stage has no transition on {@code type}, checked in the documented order. */
    private static Refuse refusal(SalesProcess process, Deal deal, EventType type) {
      Stage stage = process.stage(deal.stage());
      if (stage.isTerminal()) {
        return new Refuse(RejectionKind.TERMINAL_STAGE, List.of("deal '" + deal.id() + "' is in the "
            + stage.kind().name().toLowerCase(Locale.ROOT) + " stage '" + stage.id() + "' of process '"
            + process.id() + "', which is final; no event moves it"));
      }
      if (!process.eventTypes().contains(type)) {
        return new Refuse(RejectionKind.UNKNOWN_EVENT_TYPE, List.of("process '" + process.id()
            + "' has no transition on event '" + type + "' in any stage; its events are " + process.eventTypes()));
      }
      String accepted = process.eventTypesFrom(stage.id()).stream().map(Object::toString)
          .collect(Collectors.joining(", "));
      return new Refuse(RejectionKind.NO_TRANSITION, List.of("no transition from stage '" + stage.id()
          + "' on event '" + type + "' in process '" + process.id() + "'; from '" + stage.id() + "' it accepts: "
          + (accepted.isEmpty() ? "nothing" : accepted)));
    }

    /**
     * Take this transition.
     *
     * @param transition the transition whose guard allowed, as the process lists it
     */
    record Take(Transition transition) implements Decision {
      /**
       * Checks that the transition is present.
       *
       * @param transition the transition whose guard allowed
       */
      public Take {
        Objects.requireNonNull(transition, "transition must not be null");
      }
    }

    /**
     * Take no transition, for these reasons.
     *
     * @param kind why, in one word
     * @param reasons every reason, each a sentence naming the stage, event or condition involved
     */
    record Refuse(RejectionKind kind, List<String> reasons) implements Decision {
      /**
       * Checks that there is at least one reason, and copies them.
       *
       * @param kind why, in one word
       * @param reasons every reason; at least one
       * @throws IllegalArgumentException if {@code reasons} is empty
       */
      public Refuse {
        Objects.requireNonNull(kind, "kind must not be null");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
          throw new IllegalArgumentException("a refusal needs at least one reason");
        }
      }
    }

    /**
     * The guards' part of the reference semantics: the first of {@code candidates} whose guard allows, or a refusal
     * with the reasons of every guard that denied, or, when there are no candidates, the refusal
     * {@link #beforeGuards} gives.
     *
     * @param process the process the deal runs through, for the wording of a refusal
     * @param context the deal, the event, the facts as they would be after it, and the time, for the guards
     * @param candidates the transitions from the deal's stage on the event's type, in definition order
     * @return the first allowed transition to take, or the refusal
     */
    static Decision firstAllowed(SalesProcess process, GuardContext context, List<Transition> candidates) {
      // the usual case, the first candidate allowed, is kept small enough for the JIT to inline into an engine
      if (!candidates.isEmpty()) {
        Transition first = candidates.get(0);
        GuardVerdict verdict = first.evaluate(context);
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
      if (candidates.size() == 1) { // the usual case: one guarded transition, whose reasons are the refusal's
        return new Refuse(RejectionKind.GUARD_DENIED, firstDenial.reasons());
      }
      List<GuardVerdict> denials = new ArrayList<>(candidates.size());
      denials.add(firstDenial);
      for (int i = 1, n = candidates.size(); i < n; i++) {
        Transition transition = candidates.get(i);
        GuardVerdict verdict = transition.evaluate(context);
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
     * @param process the process the deal runs through
     * @param context the deal and the event refused
     * @param denials the verdicts of the guards that denied, in definition order; empty when the process has no
     *     transition from the deal's stage on the event's type
     * @return a {@link RejectionKind#GUARD_DENIED} refusal with every denial's reasons, or with no denials the refusal
     *     {@link #beforeGuards} gives
     * @throws IllegalArgumentException if {@code denials} is empty although the deal's stage has transitions on the
     *     event's type
     */
    static Refuse refuse(SalesProcess process, GuardContext context, List<GuardVerdict> denials) {
      if (denials.isEmpty()) {
        Refuse refused = beforeGuards(process, context.deal(), context.event().type());
        if (refused == null) {
          throw new IllegalArgumentException("no guard denied, but the process has transitions from stage '"
              + context.deal().stage() + "' on '" + context.event().type() + "'");
        }
        return refused;
      }
      List<String> reasons = new ArrayList<>();
      for (GuardVerdict verdict : denials) {
        reasons.addAll(verdict.reasons());
      }
      return new Refuse(RejectionKind.GUARD_DENIED, reasons);
    }
  }
}
