package io.salesflow;

/**
 * How a rep asked for the decision; seed 000_0c5a7cc8b72a6e10.txt names the alternative-choice, extra-inducement and standing-room-only closes.
 *
 * @since 0.1
 */
public enum ClosingTechnique {
  ALTERNATIVE_CHOICE,
  EXTRA_INDUCEMENT,
  STANDING_ROOM_ONLY,
  OTHER;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
