package io.salesflow.engine.spi;

import io.salesflow.GuardContext;
import io.salesflow.SalesProcess;

/**
 * A process compiled for one engine. It decides which transition, if any, an event takes; the shared runtime then
 * applies it (facts, history, version, store, listeners).
 *
 * <p>The runtime calls {@link #decide(GuardContext)} only for deals in a non-terminal stage and for event types the
 * process knows. Implementations must be thread-safe and must decide exactly as the definition says: the first
 * transition from the deal's stage on the event's type whose guard allows, in definition order. When none does,
 * {@link Decision#refuse(SalesProcess, GuardContext, java.util.List)} builds the same reasons on every engine.
 *
 * @since 0.1
 */
public interface CompiledProcess extends AutoCloseable {

  /** The definition this was compiled from. */
  SalesProcess process();

  /** Decides the step for {@code context.event()} on {@code context.deal()}. */
  Decision decide(GuardContext context);

  /** Releases resources the compiled form holds (pooled machines, say). The default does nothing. */
  @Override
  default void close() {}
}
