package io.salesflow;

/**
 * How ready a lead is to buy, as the funnel in seed 001_c2736629a02af6fe.txt sorts traffic.
 *
 * @since 0.1
 */
public enum LeadTemperature {
  COLD,
  WARM,
  HOT;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
