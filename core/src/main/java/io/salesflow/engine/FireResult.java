package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.TransitionRecord;
import java.util.List;

/**
 * What firing an event did: {@link Accepted} with the new snapshot and the recorded transition, or {@link Rejected}
 * with the unchanged deal and every reason. Nothing is ever silently denied.
 *
 * <pre>{@code
 * FireResult result = engine.fire("D-42", event);
 * if (result instanceof FireResult.Rejected rejected) {
 *   show(rejected.reasons());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface FireResult {

  /** {@return the deal after the event: the new snapshot if accepted, the unchanged one if rejected} */
  Deal deal();

  /** {@return the event that was fired} */
  SalesEvent event();

  /** {@return whether the event was accepted} */
  boolean isAccepted();

  /**
   * The event was accepted and recorded.
   *
   * @param deal the new snapshot, whose history ends with {@code transition}
   * @param transition the transition recorded
   */
  record Accepted(Deal deal, TransitionRecord transition) implements FireResult {
    /**
     * Checks that both components are present.
     *
     * @param deal the new snapshot
     * @param transition the transition recorded
     */
    public Accepted {
      java.util.Objects.requireNonNull(deal, "deal must not be null");
      java.util.Objects.requireNonNull(transition, "transition must not be null");
    }

    @Override
    public SalesEvent event() {
      return transition.event();
    }

    @Override
    public boolean isAccepted() {
      return true;
    }

    @Override
    public String toString() {
      return "deal '" + deal.id() + "' in process '" + deal.processId() + "' "
          + (transition.internal()
              ? "recorded '" + transition.eventType() + "' in stage '" + transition.to() + "'"
              : "moved from '" + transition.from() + "' to '" + transition.to() + "' on '" + transition.eventType()
                  + "'")
          + " (version " + transition.version() + ")";
    }
  }

  /**
   * The event was rejected; nothing changed.
   *
   * @param deal the unchanged deal
   * @param event the event that was rejected
   * @param kind why, in one word
   * @param reasons every reason, each a sentence naming the stage, event or condition involved
   */
  record Rejected(Deal deal, SalesEvent event, RejectionKind kind, List<String> reasons) implements FireResult {
    /**
     * Checks that there is at least one reason, and copies them.
     *
     * @param deal the unchanged deal
     * @param event the event that was rejected
     * @param kind why, in one word
     * @param reasons every reason; at least one
     * @throws IllegalArgumentException if {@code reasons} is empty
     */
    public Rejected {
      java.util.Objects.requireNonNull(deal, "deal must not be null");
      java.util.Objects.requireNonNull(event, "event must not be null");
      java.util.Objects.requireNonNull(kind, "kind must not be null");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one reason");
      }
    }

    @Override
    public boolean isAccepted() {
      return false;
    }

    /** {@return one sentence with the deal, its stage, the event and every reason} */
    public String message() {
      return "deal '" + deal.id() + "' in process '" + deal.processId() + "' (stage '" + deal.stage()
          + "') rejected '" + event.type() + "': " + String.join("; ", reasons);
    }

    @Override
    public String toString() {
      return message();
    }
  }

  /**
   * Why an event was rejected.
   *
   * @since 0.1
   */
  enum RejectionKind {
    /** The process has no transition from the deal's stage on the event's type. */
    NO_TRANSITION,
    /** Transitions exist, but every guard on them denied; the reasons say which and why. */
    GUARD_DENIED,
    /** The deal is in a won or lost stage, which no event leaves. */
    TERMINAL_STAGE,
    /** No transition anywhere in the deal's process fires on the event's type. */
    UNKNOWN_EVENT_TYPE,
    /** The caller expected another version of the deal than the stored one. */
    STALE_VERSION
  }
}
