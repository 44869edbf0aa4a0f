package io.salesflow;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this library throws on purpose. Unchecked; subclasses carry the data of the problem.
 *
 * @since 0.1
 */
public class SalesProcessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String processId;
  private final @Nullable String dealId;

  /** Creates an exception with a message that reads as a sentence the user can act on. */
  public SalesProcessException(String message, @Nullable String processId, @Nullable String dealId) {
    super(message);
    this.processId = processId;
    this.dealId = dealId;
  }

  /** The process concerned, when there is one. */
  public Optional<String> processId() {
    return Optional.ofNullable(processId);
  }

  /** The deal concerned, when there is one. */
  public Optional<String> dealId() {
    return Optional.ofNullable(dealId);
  }
}
