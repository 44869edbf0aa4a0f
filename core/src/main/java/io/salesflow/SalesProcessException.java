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

  /** The id of the process concerned, or {@code null} when there is none. */
  private final @Nullable String processId;
  /** The id of the deal concerned, or {@code null} when there is none. */
  private final @Nullable String dealId;

  /**
   * Creates an exception with a message that reads as a sentence the user can act on.
   *
   * @param message what went wrong and what to do about it
   * @param processId the id of the process concerned, or {@code null} when there is none
   * @param dealId the id of the deal concerned, or {@code null} when there is none
   */
  public SalesProcessException(String message, @Nullable String processId, @Nullable String dealId) {
    super(message);
    this.processId = processId;
    this.dealId = dealId;
  }

  /** {@return the id of the process concerned, when there is one} */
  public Optional<String> processId() {
    return Optional.ofNullable(processId);
  }

  /** {@return the id of the deal concerned, when there is one} */
  public Optional<String> dealId() {
    return Optional.ofNullable(dealId);
  }
}
