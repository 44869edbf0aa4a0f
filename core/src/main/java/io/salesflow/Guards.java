package io.salesflow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The guard combinators behind {@link TransitionGuard}'s static factories. */
final class Guards {
  static final TransitionGuard ALWAYS = new TransitionGuard() {
    @Override
    public GuardVerdict evaluate(GuardContext context) {
      return GuardVerdict.allow();
    }

    @Override
    public String label() {
      return "always";
    }

    @Override
    public String toString() {
      return "always";
    }
  };

  private Guards() {}

  /**
   * Asks {@code guard} and returns its verdict, refusing a {@code null} one with a message that names the guard:
   * every combinator asks its guards through here, so the guard that broke the contract is the one named.
   */
  static GuardVerdict ask(TransitionGuard guard, GuardContext context) {
    GuardVerdict verdict = guard.evaluate(context);
    if (verdict == null) {
      throw noVerdict(guard, context, "");
    }
    return verdict;
  }

  /** The failure for a guard that returned {@code null}, naming its label, the deal and the event. */
  static IllegalStateException noVerdict(TransitionGuard guard, GuardContext context, String where) {
    String label;
    try {
      label = guard.label();
    } catch (RuntimeException e) {
      label = guard.getClass().getName();
    }
    return new IllegalStateException("guard " + Checks.quote(label) + where + " returned no verdict (null) for deal '"
        + context.deal().id() + "' on event '" + context.event().type() + "'; a guard must return"
        + " GuardVerdict.allow() or GuardVerdict.deny(reasons)");
  }

  record Named(String label, TransitionGuard guard) implements TransitionGuard {
    @Override
    public GuardVerdict evaluate(GuardContext context) {
      return guard.evaluate(context); // whoever asks this guard refuses a null verdict, naming its label
    }

    @Override
    public String toString() {
      return label;
    }
  }

  record AllOf(List<TransitionGuard> guards) implements TransitionGuard {
    @Override
    public GuardVerdict evaluate(GuardContext context) {
      Set<String> reasons = null;
      for (TransitionGuard guard : guards) {
        GuardVerdict verdict = ask(guard, context);
        if (verdict.denied()) {
          if (reasons == null) {
            reasons = new LinkedHashSet<>();
          }
          reasons.addAll(verdict.reasons());
        }
      }
      return reasons == null ? GuardVerdict.allow() : GuardVerdict.deny(List.copyOf(reasons));
    }

    @Override
    public String label() {
      return guards.stream().map(TransitionGuard::label).collect(Collectors.joining(" and "));
    }

    @Override
    public String toString() {
      return label();
    }
  }

  record AnyOf(List<TransitionGuard> guards) implements TransitionGuard {
    @Override
    public GuardVerdict evaluate(GuardContext context) {
      Set<String> reasons = new LinkedHashSet<>();
      for (TransitionGuard guard : guards) {
        GuardVerdict verdict = ask(guard, context);
        if (verdict.allowed()) {
          return verdict;
        }
        reasons.addAll(verdict.reasons());
      }
      return GuardVerdict.deny(List.copyOf(reasons));
    }

    @Override
    public String label() {
      return guards.stream().map(TransitionGuard::label).collect(Collectors.joining(" or ", "(", ")"));
    }

    @Override
    public String toString() {
      return label();
    }
  }

  record Not(TransitionGuard guard) implements TransitionGuard {
    @Override
    public GuardVerdict evaluate(GuardContext context) {
      return ask(guard, context).allowed()
          ? GuardVerdict.deny("not: '" + guard.label() + "' holds but must not")
          : GuardVerdict.allow();
    }

    @Override
    public String label() {
      return "not " + guard.label();
    }

    @Override
    public String toString() {
      return label();
    }
  }

  static TransitionGuard requiredFields(@Nullable String label, String... fields) {
    List<String> names = List.copyOf(Arrays.asList(Objects.requireNonNull(fields, "fields must not be null")));
    if (names.isEmpty()) {
      throw new IllegalArgumentException("name at least one required field");
    }
    for (String name : names) {
      Checks.id(name, "required field name");
    }
    return TransitionGuard.named(label == null ? "requires " + String.join(", ", names) : label, ctx -> {
      List<String> missing = new ArrayList<>();
      for (String name : names) {
        if (ctx.facts().field(name).isEmpty()) {
          missing.add(missingField(name));
        }
      }
      return missing.isEmpty() ? GuardVerdict.allow() : GuardVerdict.deny(missing);
    });
  }

  private static String missingField(String name) {
    switch (name) {
      case "contract":
        return "contract: not signed yet";
      case "proposal":
        return "proposal: not sent yet";
      case "budget":
        return "budget: not confirmed yet";
      case "authority":
        return "authority: no decision-maker identified";
      default:
        return name + ": required but not set";
    }
  }
}
