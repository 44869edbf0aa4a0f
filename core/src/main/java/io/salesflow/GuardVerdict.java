package io.salesflow;

import java.util.List;
import java.util.Objects;

/**
 * A guard's answer: allowed, or denied with reasons a sales rep can act on.
 *
 * <p>Each reason names the condition it is about, for example {@code "authority: no decision-maker identified"}.
 *
 * @param allowed whether the transition may be taken
 * @param reasons why not, when denied (never empty then); empty when allowed
 * @since 0.1
 */
public record GuardVerdict(boolean allowed, List<String> reasons) {
  private static final GuardVerdict ALLOWED = new GuardVerdict(true, List.of());

  public GuardVerdict {
    reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons must not be null"));
    if (allowed && !reasons.isEmpty()) {
      throw new IllegalArgumentException("an allowed verdict has no reasons, but got " + reasons);
    }
    if (!allowed && reasons.isEmpty()) {
      throw new IllegalArgumentException("a denied verdict needs at least one reason the user can act on");
    }
    for (String reason : reasons) {
      Checks.notBlank(reason, "reason");
    }
  }

  /** Returns the verdict that allows the transition. */
  public static GuardVerdict allow() {
    return ALLOWED;
  }

  /** Returns a denial with the given reasons. */
  public static GuardVerdict deny(String reason, String... more) {
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(more, "more must not be null");
    String[] all = new String[more.length + 1];
    all[0] = reason;
    System.arraycopy(more, 0, all, 1, more.length);
    return new GuardVerdict(false, List.of(all));
  }

  /** Returns a denial with the given reasons. */
  public static GuardVerdict deny(List<String> reasons) {
    return new GuardVerdict(false, reasons);
  }

  /** Returns whether the transition may not be taken. */
  public boolean denied() {
    return !allowed;
  }

  @Override
  public String toString() {
    return allowed ? "allowed" : "denied: " + String.join("; ", reasons);
  }
}
