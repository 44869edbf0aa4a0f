package io.salesflow;

/**
 * Thrown when an engine or catalog was asked for a process it does not know.
 *
 * @since 0.1
 */
public final class UnknownProcessException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param processId the id asked for
   * @param known the ids that were known, listed in the message in alphabetical order
   */
  public UnknownProcessException(String processId, java.util.Collection<String> known) {
    super("unknown process " + Checks.quote(processId) + "; known processes: "
        + Checks.listed(new java.util.TreeSet<>(known)), processId, null);
  }

  /**
   * Creates the exception for a stored deal whose process the engine does not know.
   *
   * @param dealId the deal read from the store
   * @param processId the process the stored deal names
   * @param known the ids that were known, listed in the message in alphabetical order
   * @since 0.1
   */
  public UnknownProcessException(String dealId, String processId, java.util.Collection<String> known) {
    super("deal '" + dealId + "' is stored with process '" + processId + "', which this engine does not know (known"
        + " processes: " + new java.util.TreeSet<>(known) + "); build the engine with that process, or correct the"
        + " deal's process id in the store", processId, dealId);
  }
}
