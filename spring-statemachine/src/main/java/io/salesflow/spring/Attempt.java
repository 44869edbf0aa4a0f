package io.salesflow.spring;

import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.Transition;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.MessageHeaders;
import org.springframework.statemachine.StateContext;

/**
 * What happened to one event inside a machine: the guard context it was fired in, the verdict of every guard that
 * denied, the transition the guards chose and the one whose action ran. It travels in the event's message header
 * (header values are passed by reference), so guards and actions can write into it and the sender reads it back.
 *
 * <p>Not thread-safe: one is used by one machine and one event at a time. A pooled machine reuses its own attempt,
 * {@link #begin(GuardContext) beginning} it before each event and {@link #end() ending} it after, so no deal data
 * stays behind between events.
 */
final class Attempt {
  /** The message header the attempt travels in. */
  static final String HEADER = "salesflow.attempt";

  private @Nullable GuardContext context;
  private @Nullable Transition chosen;
  private @Nullable Transition fired;
  private @Nullable Throwable failure;
  private final List<GuardVerdict> denials = new ArrayList<>(4);

  /** An attempt for one event sent by hand (a Spring user's test plan, say). */
  Attempt(GuardContext context) {
    this.context = context;
  }

  Attempt() {}

  /** Returns the attempt in the message of {@code context}, or null for a message that carries none. */
  static @Nullable Attempt of(StateContext<String, String> context) {
    MessageHeaders headers = context.getMessageHeaders();
    return headers == null ? null : headers.get(HEADER, Attempt.class);
  }

  void begin(GuardContext context) {
    this.context = context;
  }

  void end() {
    context = null;
    chosen = null;
    fired = null;
    failure = null;
    denials.clear();
  }

  /** The guard context the event was fired in; null outside {@link #begin}/{@link #end()}. */
  @Nullable GuardContext context() {
    return context;
  }

  /**
   * Evaluates {@code row}'s guard: records a denial, or chooses the row. A guard that throws denies nothing and
   * chooses nothing; the failure is kept and rethrown by the sender, as the table engine would throw it.
   */
  boolean evaluate(Transition row) {
    GuardContext ctx = context;
    if (ctx == null || failure != null) {
      return false;
    }
    GuardVerdict verdict;
    try {
      verdict = row.evaluate(ctx); // refuses a null verdict, naming the guard, as the table engine does
    } catch (Throwable e) {
      failure = e;
      return false;
    }
    if (verdict.allowed()) {
      chosen = row;
      return true;
    }
    denials.add(verdict);
    return false;
  }

  /** Evaluates {@code rows} in definition order and chooses the first one whose guard allows. */
  boolean choose(List<Transition> rows) {
    for (Transition row : rows) {
      if (evaluate(row)) {
        return true;
      }
      if (failure != null) {
        return false;
      }
    }
    return false;
  }

  void fired(Transition row) {
    if (fired != null && fired != row) {
      throw new IllegalStateException("two transitions fired on one event: " + fired + " and " + row);
    }
    fired = row;
  }

  @Nullable Transition chosen() {
    return chosen;
  }

  /** The transition whose action ran, if one did. */
  @Nullable Transition fired() {
    return fired;
  }

  @Nullable Throwable failure() {
    return failure;
  }

  List<GuardVerdict> denials() {
    return denials;
  }

  @Override
  public String toString() {
    return "Attempt{fired=" + fired + ", chosen=" + chosen + ", denials=" + denials + ", failure=" + failure + "}";
  }
}
