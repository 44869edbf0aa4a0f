package io.salesflow.spring;

import io.salesflow.SalesProcessException;
import java.time.Duration;
import java.util.Objects;

/**
 * No pooled machine of a process became free within the acquire timeout, so the event was not decided and nothing
 * changed. More threads fire at the process than its pool has machines, for longer than the timeout: give the
 * compiler a larger pool ({@link SpringStatemachineCompiler#create(int)}) or a longer timeout
 * ({@link SpringStatemachineCompiler#withAcquireTimeout(Duration)}), or fire from fewer threads.
 *
 * <pre>{@code
 * try {
 *   engine.fire(dealId, event);
 * } catch (PoolTimeoutException e) {
 *   // e.poolSize(), e.timeout(): retry later, or answer 503 to the caller
 * }
 * }</pre>
 *
 * @since 0.1
 */
public class PoolTimeoutException extends SalesProcessException {
  private static final long serialVersionUID = 1L;

  /** The most machines the process's pool holds at once. */
  private final int poolSize;
  /** How long the thread waited before giving up. */
  private final Duration timeout;

  /**
   * Creates the exception for a thread that gave up waiting.
   *
   * @param processId the process whose pool had no machine free
   * @param poolSize the most machines that pool holds at once
   * @param timeout how long the thread waited
   * @param waiting how many other threads were still waiting when it gave up, an estimate
   * @param interrupted whether the thread stopped waiting because it was interrupted rather than because the timeout
   *     ran out
   */
  public PoolTimeoutException(String processId, int poolSize, Duration timeout, int waiting, boolean interrupted) {
    super(message(Objects.requireNonNull(processId, "processId must not be null"), poolSize,
        Objects.requireNonNull(timeout, "timeout must not be null"), waiting, interrupted), processId, null);
    this.poolSize = poolSize;
    this.timeout = timeout;
  }

  private static String message(String processId, int poolSize, Duration timeout, int waiting,
      boolean interrupted) {
    String busy = "all " + poolSize + (poolSize == 1 ? " machine" : " machines") + " of the Spring Statemachine pool"
        + " of process '" + processId + "' are in use";
    String others = waiting > 0 ? " and " + waiting + (waiting == 1 ? " other thread is" : " other threads are")
        + " waiting" : "";
    if (interrupted) {
      return "interrupted while waiting for a machine: " + busy + others + "; the event was not decided";
    }
    return "no machine became free within " + describe(timeout) + ": " + busy + others + "; the event was not"
        + " decided. Give the compiler a larger pool or a longer acquire timeout, or fire from fewer threads";
  }

  private static String describe(Duration timeout) {
    if (timeout.toMillis() % 1000 == 0) {
      return timeout.toSeconds() + " s";
    }
    return timeout.toMillis() + " ms";
  }

  /** {@return the most machines the process's pool holds at once} */
  public int poolSize() {
    return poolSize;
  }

  /** {@return how long the thread waited for a machine} */
  public Duration timeout() {
    return timeout;
  }
}
