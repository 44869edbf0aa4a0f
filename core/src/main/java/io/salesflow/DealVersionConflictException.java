package io.salesflow;

/**
 * Thrown when a deal was changed concurrently: the version a writer expected is no longer the stored one. Nothing
 * was written; reload the deal and try again. Engines retry on their own and throw this only when retries ran out.
 *
 * @since 0.1
 */
public final class DealVersionConflictException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param actualVersion the stored version, or -1 when unknown
   */
  public DealVersionConflictException(String dealId, long expectedVersion, long actualVersion) {
    super("deal '" + dealId + "' was changed concurrently: expected version " + expectedVersion
        + (actualVersion >= 0 ? " but the store has version " + actualVersion : " but the store has another")
        + "; reload the deal and try again", null, dealId);
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** The version the writer expected to replace. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The stored version, or -1 when the store could not tell. */
  public long actualVersion() {
    return actualVersion;
  }
}
