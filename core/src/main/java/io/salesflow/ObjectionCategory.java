package io.salesflow;

/**
 * What an objection is about.
 *
 * @since 0.1
 */
public enum ObjectionCategory {
  PRICE,
  TIMING,
  COMPETITOR,
  AUTHORITY,
  NEED,
  OTHER;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
