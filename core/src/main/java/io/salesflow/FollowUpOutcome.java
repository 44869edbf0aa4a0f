package io.salesflow;

/**
 * What came of a follow-up.
 *
 * @since 0.1
 */
public enum FollowUpOutcome {
  NO_RESPONSE,
  RESPONDED,
  REJECTED;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
