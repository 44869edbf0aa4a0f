package io.salesflow;

/**
 * Thrown when a deal was changed concurrently: the version a writer expected is no longer the stored one. Nothing
 * was written; reload the deal and try again. Engines retry on their own and throw this only when retries ran out.
 *
 * @since 0.1
 */
public final class DealVersionConflictException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /** The version the writer expected to replace. */
  private final long expectedVersion;
  /** The stored version, or -1 when the store could not tell. */
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param dealId the id of the deal that was changed concurrently
   * @param expectedVersion the version the writer read and expected to replace
   * @param actualVersion the stored version, or -1 when unknown
   */
  public DealVersionConflictException(String dealId, long expectedVersion, long actualVersion) {
    super("deal " + Checks.quote(dealId) + " was changed concurrently: expected version " + expectedVersion
        + (actualVersion >= 0 ? " but the store has version " + actualVersion : " but the store has another")
        + "; reload the deal and try again", null, dealId);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** {@return the version the writer expected to replace} */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** {@return the stored version, or -1 when the store could not tell} */
  public long actualVersion() {
    return actualVersion;
  }
}
