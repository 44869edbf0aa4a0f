package io.salesflow;

/**
 * What a stage means for the deals in it.
 *
 * @since 0.1
 */
public enum StageKind {
  /** A pipeline stage before the sale is decided: prospecting, qualifying, presenting, closing. */
  OPEN,
  /** A stage after the sale is won: onboarding, installation, follow-up, asking for referrals. */
  POST_SALE,
  /** A terminal stage: the deal was won. */
  WON,
  /** A terminal stage: the deal was lost or disqualified. */
  LOST;

  /** {@return whether no transition may leave a stage of this kind ({@link #WON} and {@link #LOST})} */
  public boolean isTerminal() {
    return this == WON || this == LOST;
  }

  /** {@return whether a deal in a stage of this kind has been won ({@link #POST_SALE} or {@link #WON})} */
  public boolean isWon() {
    return this == WON || this == POST_SALE;
  }
}
