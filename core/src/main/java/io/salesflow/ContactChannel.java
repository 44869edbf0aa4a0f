package io.salesflow;

/**
 * How a contact or follow-up reached the prospect.
 *
 * @since 0.1
 */
public enum ContactChannel {
  EMAIL,
  PHONE,
  IN_PERSON,
  SOCIAL,
  VIDEO_CALL,
  OTHER;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
