package io.salesflow.engine;

/**
 * Hears what an engine does, after the fact. Register with {@link DealEngineBuilder#listener(DealListener)} or
 * {@link DealEngine#addListener(DealListener)}.
 *
 * <p>Listeners run on the thread that fired the event, after an accepted transition was stored; they must be quick
 * and thread-safe. An exception from a listener is logged and does not undo anything.
 *
 * @since 0.1
 */
public interface DealListener {

  /** Called after a deal was started and stored. */
  default void onStarted(io.salesflow.Deal deal) {}

  /** Called after an accepted transition was stored. */
  default void onTransition(FireResult.Accepted accepted) {}

  /** Called after an event was rejected. */
  default void onRejection(FireResult.Rejected rejected) {}
}
