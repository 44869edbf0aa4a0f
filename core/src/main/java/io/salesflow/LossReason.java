package io.salesflow;

/**
 * Why a deal was lost.
 *
 * @since 0.1
 */
public enum LossReason {
  NO_RESPONSE,
  PRICE,
  COMPETITOR,
  NO_BUDGET,
  NO_DECISION,
  TIMING,
  NOT_A_FIT,
  OTHER;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
