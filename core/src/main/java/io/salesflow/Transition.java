package io.salesflow;

import java.util.Objects;

/**
 * A legal move in a process: on {@code event}, a deal in {@code source} goes to {@code target}, if the guard allows.
 *
 * <p>An internal transition keeps the deal in its stage and only records the event and its facts, as a follow-up
 * logged does. Transitions are created by {@link SalesProcess.Builder}; a process definition is the one table of
 * which (stage, event) pairs exist.
 *
 * @param source the stage id the transition leaves
 * @param event the event type it fires on
 * @param target the stage id it enters; equal to {@code source} for an internal transition
 * @param internal whether the deal stays in its stage (no exit, no entry, stage entry time unchanged)
 * @param guard the condition; {@link TransitionGuard#always()} when unguarded
 * @since 0.1
 */
public record Transition(String source, EventType event, String target, boolean internal, TransitionGuard guard) {
  /**
   * Checks the stage ids and that an internal transition stays in its stage.
   *
   * @param source the stage id the transition leaves, in kebab-case
   * @param event the event type it fires on
   * @param target the stage id it enters, in kebab-case
   * @param internal whether the deal stays in its stage
   * @param guard the condition; {@link TransitionGuard#always()} when unguarded
   * @throws IllegalArgumentException if a stage id is not kebab-case, or an internal transition names two stages
   */
  public Transition {
    Checks.kebabId(source, "source stage id");
    Objects.requireNonNull(event, "event must not be null");
    Checks.kebabId(target, "target stage id");
    Objects.requireNonNull(guard, "guard must not be null");
    if (internal && !source.equals(target)) {
      throw new IllegalArgumentException("an internal transition stays in its stage, but this one goes from '"
          + source + "' to '" + target + "'");
    }
  }

  /**
   * Returns a stage-changing transition (a self-transition when source and target are equal).
   *
   * @param source the stage id the transition leaves
   * @param event the event type it fires on
   * @param target the stage id it enters
   * @param guard the condition; {@link TransitionGuard#always()} when unguarded
   * @return the transition
   * @throws IllegalArgumentException if a stage id is not kebab-case
   */
  public static Transition external(String source, EventType event, String target, TransitionGuard guard) {
    return new Transition(source, event, target, false, guard);
  }

  /**
   * Returns an internal transition that keeps the deal in {@code stage}.
   *
   * @param stage the stage id the deal stays in
   * @param event the event type it fires on
   * @param guard the condition; {@link TransitionGuard#always()} when unguarded
   * @return the transition
   * @throws IllegalArgumentException if {@code stage} is not kebab-case
   */
  public static Transition internal(String stage, EventType event, TransitionGuard guard) {
    return new Transition(stage, event, stage, true, guard);
  }

  /**
   * Asks this transition's guard whether it may be taken in {@code context}. Engines and
   * {@link SalesProcess#explain(Deal, java.time.Instant) explain} ask guards through here.
   *
   * @param context the deal, the event, the facts as they would be after it, and the time
   * @return the guard's verdict
   * @throws IllegalStateException if the guard returns {@code null}; the message names the guard's label, this
   *     transition, the deal and the event
   */
  public GuardVerdict evaluate(GuardContext context) {
    GuardVerdict verdict = guard.evaluate(Objects.requireNonNull(context, "context must not be null"));
    if (verdict == null) {
      throw Guards.noVerdict(guard, context, " of transition " + source + (internal ? " (internal)" : " -> " + target)
          + " on " + event);
    }
    return verdict;
  }

  /** {@return whether the transition has a guard other than {@link TransitionGuard#always()}} */
  public boolean isGuarded() {
    return guard != TransitionGuard.always();
  }

  @Override
  public String toString() {
    return source + (internal ? " (internal)" : " -> " + target) + " on " + event
        + (isGuarded() ? " [" + guard.label() + "]" : "");
  }
}
