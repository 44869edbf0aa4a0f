package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.SalesProcessException;
import io.salesflow.engine.FireResult;
import java.util.Objects;

/**
 * Thrown by an application's controller for an event the engine rejected, so that the auto-configured problem-details
 * handler answers {@code 422 Unprocessable Entity} with the rejection kind and every reason ({@code 409 Conflict} for
 * a stale version).
 *
 * <pre>{@code
 * FireResult result = engine.fire(dealId, event);
 * FireResult.Accepted accepted = EventRejectedException.requireAccepted(result);
 * }</pre>
 *
 * @since 0.1
 */
public class EventRejectedException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /** The rejection; results are immutable values, but not serializable. */
  private final transient FireResult.Rejected rejected;

  /**
   * Creates the exception.
   *
   * @param rejected the rejection, whose message this exception carries
   */
  public EventRejectedException(FireResult.Rejected rejected) {
    super(Objects.requireNonNull(rejected, "rejected must not be null").message(), rejected.deal().processId(),
        rejected.deal().id());
    this.rejected = rejected;
  }

  /**
   * Returns {@code result} if the event was accepted, and throws for a rejection.
   *
   * @param result what firing an event returned
   * @return the accepted result
   * @throws EventRejectedException if the event was rejected
   */
  public static FireResult.Accepted requireAccepted(FireResult result) {
    Objects.requireNonNull(result, "result must not be null");
    if (result instanceof FireResult.Rejected rejected) {
      throw new EventRejectedException(rejected);
    }
    return (FireResult.Accepted) result;
  }

  /** {@return the rejection: the unchanged deal, the event, the kind and every reason} */
  public FireResult.Rejected rejected() {
    return rejected;
  }
}
