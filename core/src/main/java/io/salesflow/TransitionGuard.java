package io.salesflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A condition on a transition: a pure function of the deal, the event and the time to a {@link GuardVerdict}.
 *
 * <p>Guards must be side-effect free and thread-safe: an engine may evaluate them more than once and from several
 * threads, and a "what is blocking this deal?" query evaluates them without firing anything. Guards describe
 * themselves with a short {@link #label()} that diagrams and messages show.
 *
 * <pre>{@code
 * TransitionGuard decisionMakerKnown = TransitionGuard.of("decision-maker known",
 *     ctx -> ctx.facts().bant().authorityConfirmed(), "authority: no decision-maker identified");
 * TransitionGuard ready = TransitionGuard.allOf(decisionMakerKnown, budgetOver10k);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TransitionGuard {

  /**
   * Decides whether the transition may be taken in {@code context}.
   *
   * @param context the deal, the event, the facts as they would be after it, and the time
   * @return an allowance, or a denial whose reasons say what the rep must do; never {@code null}: an engine fails
   *     the event with an {@link IllegalStateException} naming this guard's {@link #label()} and changes nothing
   */
  GuardVerdict evaluate(GuardContext context);

  /** {@return a short description for diagrams and messages, for example {@code "BANT: all four confirmed"}} */
  default String label() {
    return "custom guard";
  }

  /** {@return the guard that always allows; transitions without a guard have it} */
  static TransitionGuard always() {
    return Guards.ALWAYS;
  }

  /**
   * Returns a guard that allows when {@code condition} holds and otherwise denies with {@code reasonIfDenied}.
   *
   * @param label what the guard checks, for diagrams and messages
   * @param condition the test; pure and thread-safe, like every guard
   * @param reasonIfDenied what the rep must do, naming the condition, for example {@code "contract: not signed yet"}
   * @return the guard
   * @throws IllegalArgumentException if {@code label} or {@code reasonIfDenied} is blank
   */
  static TransitionGuard of(String label, Predicate<GuardContext> condition, String reasonIfDenied) {
    Checks.notBlank(label, "label");
    Objects.requireNonNull(condition, "condition must not be null");
    Checks.notBlank(reasonIfDenied, "reasonIfDenied");
    GuardVerdict denied = GuardVerdict.deny(reasonIfDenied);
    return named(label, ctx -> condition.test(ctx) ? GuardVerdict.allow() : denied);
  }

  /**
   * Returns {@code guard} with the given label.
   *
   * @param label what the guard checks, for diagrams and messages; not blank
   * @param guard the guard that decides, typically a lambda
   * @return a guard that decides as {@code guard} does and has the label
   * @throws IllegalArgumentException if {@code label} is blank
   */
  static TransitionGuard named(String label, TransitionGuard guard) {
    return new Guards.Named(Checks.notBlank(label, "label"), Objects.requireNonNull(guard, "guard must not be null"));
  }

  /**
   * Returns a guard that allows when every named field of the deal is known, as CRM stage rules do; a denial names
   * each missing field.
   *
   * @param fields at least one field name, as {@link DealFacts#field(String)} reads it
   * @return the guard, labelled with the fields it requires
   * @throws IllegalArgumentException if no field or a blank one is given
   */
  static TransitionGuard requiredFields(String... fields) {
    return Guards.requiredFields(null, fields);
  }

  /**
   * Returns a guard that allows when every guard allows; a denial carries the reasons of every guard that denied,
   * each distinct reason once.
   *
   * @param guards the guards, all evaluated in order; none gives {@link #always()}
   * @return the combined guard
   */
  static TransitionGuard allOf(TransitionGuard... guards) {
    return allOf(List.of(Objects.requireNonNull(guards, "guards must not be null")));
  }

  /**
   * Returns a guard that allows when every guard allows; a denial carries the reasons of every guard that denied,
   * each distinct reason once.
   *
   * @param guards the guards, all evaluated in order; copied, and an empty list gives {@link #always()}
   * @return the combined guard
   */
  static TransitionGuard allOf(List<TransitionGuard> guards) {
    List<TransitionGuard> all = new ArrayList<>();
    for (TransitionGuard guard : List.copyOf(Objects.requireNonNull(guards, "guards must not be null"))) {
      if (guard instanceof Guards.AllOf nested) {
        all.addAll(nested.guards());
      } else if (guard != Guards.ALWAYS) {
        all.add(guard);
      }
    }
    return all.isEmpty() ? Guards.ALWAYS : all.size() == 1 ? all.get(0) : new Guards.AllOf(List.copyOf(all));
  }

  /**
   * Returns a guard that allows when at least one guard allows; a denial carries every guard's reasons.
   *
   * @param guards the guards, evaluated in order until one allows; at least one
   * @return the combined guard
   * @throws IllegalArgumentException if no guard is given
   */
  static TransitionGuard anyOf(TransitionGuard... guards) {
    List<TransitionGuard> list = List.of(Objects.requireNonNull(guards, "guards must not be null"));
    if (list.isEmpty()) {
      throw new IllegalArgumentException("anyOf needs at least one guard");
    }
    return list.size() == 1 ? list.get(0) : new Guards.AnyOf(list);
  }

  /**
   * Returns a guard that allows exactly when {@code guard} denies.
   *
   * @param guard the guard to invert
   * @return the inverted guard; its denial names the label of {@code guard}
   */
  static TransitionGuard not(TransitionGuard guard) {
    return new Guards.Not(Objects.requireNonNull(guard, "guard must not be null"));
  }

  /**
   * Returns {@code allOf(this, other)}.
   *
   * @param other the guard that must allow as well
   * @return the combined guard
   */
  default TransitionGuard and(TransitionGuard other) {
    return allOf(this, other);
  }

  /**
   * Returns {@code anyOf(this, other)}.
   *
   * @param other the guard tried when this one denies
   * @return the combined guard
   */
  default TransitionGuard or(TransitionGuard other) {
    return anyOf(this, other);
  }

  /** {@return {@code not(this)}} */
  default TransitionGuard negate() {
    return not(this);
  }
}
