package io.salesflow;

/**
 * How a rep opened the conversation; seed 000_0c5a7cc8b72a6e10.txt names the premium, question and product approaches.
 *
 * @since 0.1
 */
public enum ApproachMethod {
  PREMIUM,
  QUESTION,
  PRODUCT,
  OTHER;

  /** Returns the lower-case, dash-separated form used in messages and diagrams, for example {@code "no-response"}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
