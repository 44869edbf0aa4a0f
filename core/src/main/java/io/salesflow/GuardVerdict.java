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

  /**
   * Checks that an allowed verdict has no reasons and a denied one has some, and copies them.
   *
   * @param allowed whether the transition may be taken
   * @param reasons why not: empty when allowed, at least one when denied, none blank
   * @throws IllegalArgumentException if the reasons do not fit the verdict, or one is blank
   */
  public GuardVerdict {
    Objects.requireNonNull(reasons, "reasons must not be null");
    for (String reason : reasons) { // before the copy, whose null check has no message
      Checks.notBlank(reason, "reason");
    }
    reasons = List.copyOf(reasons);
    if (allowed && !reasons.isEmpty()) {
      throw new IllegalArgumentException("an allowed verdict has no reasons, but got " + reasons);
    }
    if (!allowed && reasons.isEmpty()) {
      throw new IllegalArgumentException("a denied verdict needs at least one reason the user can act on");
    }
  }

  /** {@return the verdict that allows the transition} */
  public static GuardVerdict allow() {
    return ALLOWED;
  }

  /**
   * Returns a denial with the given reasons.
   *
   * @param reason the first reason, naming the condition it is about
   * @param more further reasons, one for each other unmet condition
   * @return the denial, with its reasons in the order given
   * @throws IllegalArgumentException if a reason is blank
   */
  public static GuardVerdict deny(String reason, String... more) {
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(more, "more must not be null");
    String[] all = new String[more.length + 1];
    all[0] = reason;
    System.arraycopy(more, 0, all, 1, more.length);
    return new GuardVerdict(false, List.of(all));
  }

  /**
   * Returns a denial with the given reasons.
   *
   * @param reasons one reason for each unmet condition; copied
   * @return the denial, with its reasons in the order given
   * @throws IllegalArgumentException if {@code reasons} is empty or a reason is blank
   */
  public static GuardVerdict deny(List<String> reasons) {
    return new GuardVerdict(false, reasons);
  }

  /** {@return whether the transition may not be taken} */
  public boolean denied() {
    return !allowed;
  }

  @Override
  public String toString() {
    return allowed ? "allowed" : "denied: " + String.join("; ", reasons);
  }
}
