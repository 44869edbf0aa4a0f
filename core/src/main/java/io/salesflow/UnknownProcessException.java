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
}
