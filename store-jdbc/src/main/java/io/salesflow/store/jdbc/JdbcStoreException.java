package io.salesflow.store.jdbc;

import io.salesflow.SalesProcessException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the database behind a {@link JdbcDealStore} fails or holds data this version cannot read. The message
 * says whether anything was written and what to do; the cause is the driver's exception.
 *
 * @since 0.1
 */
public final class JdbcStoreException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a sentence that says what failed, whether anything was written and what to do next
   * @param dealId the deal concerned, when there is one
   * @param cause the driver's exception or the parse error
   */
  public JdbcStoreException(String message, @Nullable String dealId, @Nullable Throwable cause) {
    super(message, null, dealId);
    if (cause != null) {
      initCause(cause);
    }
  }
}
