package io.salesflow;

/**
 * Thrown when a deal was started with an id that is already taken.
 *
 * @since 0.1
 */
public final class DuplicateDealException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param dealId the id that is already taken
   * @param processId the process the new deal was to run through
   */
  public DuplicateDealException(String dealId, String processId) {
    super("deal " + Checks.quote(dealId) + " already exists; deal ids must be unique within a store", processId,
        dealId);
  }
}
