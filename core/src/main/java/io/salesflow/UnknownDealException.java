package io.salesflow;

/**
 * Thrown when no deal with the given id exists in the store.
 *
 * @since 0.1
 */
public final class UnknownDealException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param dealId the id that no stored deal has
   */
  public UnknownDealException(String dealId) {
    super("unknown deal " + Checks.quote(dealId) + "; start it with DealEngine.start before firing events at it", null,
        dealId);
  }
}
