package io.salesflow.engine;

/**
 * Why an event was rejected.
 *
 * @since 0.1
 */
public enum RejectionKind {
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
