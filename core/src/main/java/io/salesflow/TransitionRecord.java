package io.salesflow;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One accepted transition in a deal's history.
 *
 * @param version the deal's version after this transition: the first accepted transition has version 1
 * @param from the stage the deal was in
 * @param to the stage the deal is in afterwards; equal to {@code from} for an internal transition
 * @param event the event that was accepted, with its payload
 * @param at when the engine accepted it, from the engine's clock
 * @param internal whether the deal stayed in its stage and only its facts changed
 * @param idempotencyKey the key the caller fired the event with, so that a retry with the same key returns this
 *     record instead of applying the event twice; null when the event was fired without one
 * @since 0.1
 */
public record TransitionRecord(long version, String from, String to, SalesEvent event, Instant at, boolean internal,
    @Nullable String idempotencyKey) {
  /**
   * Checks the version and stages.
   *
   * @param version the deal's version after this transition, at least 1
   * @param from the stage the deal was in; not blank
   * @param to the stage the deal is in afterwards; not blank
   * @param event the event that was accepted
   * @param at when the engine accepted it
   * @param internal whether the deal stayed in its stage
   * @param idempotencyKey the caller's key for the event, or null
   * @throws IllegalArgumentException if {@code version} is below 1, a stage is blank or beyond the id limits of
   *     {@link Deal.Limits}, {@code at} lies outside the years 1 to 9999, an internal record names two stages, or the
   *     key is blank or beyond the id limits
   */
  public TransitionRecord {
    if (version < 1) {
      throw new IllegalArgumentException("version of a transition record must be at least 1, but was " + version);
    }
    Checks.id(from, "from");
    Checks.id(to, "to");
    Objects.requireNonNull(event, "event must not be null");
    Checks.time(at, "at");
    if (internal && !from.equals(to)) {
      throw new IllegalArgumentException(
          "an internal transition stays in its stage, but this one goes from '" + from + "' to '" + to + "'");
    }
    if (idempotencyKey != null) {
      Checks.id(idempotencyKey, "idempotency key");
    }
  }

  /**
   * Creates a record of an event fired without an idempotency key.
   *
   * @param version the deal's version after this transition, at least 1
   * @param from the stage the deal was in; not blank
   * @param to the stage the deal is in afterwards; not blank
   * @param event the event that was accepted
   * @param at when the engine accepted it
   * @param internal whether the deal stayed in its stage
   * @throws IllegalArgumentException if {@code version} is below 1, a stage is blank, or an internal record names two
   *     stages
   */
  public TransitionRecord(long version, String from, String to, SalesEvent event, Instant at, boolean internal) {
    this(version, from, to, event, at, internal, null);
  }

  /** {@return the type of the event that was accepted} */
  public EventType eventType() {
    return event.type();
  }

  @Override
  public String toString() {
    return "v" + version + " " + from + (internal ? " (internal)" : " -> " + to) + " on " + event.type() + " at " + at
        + (idempotencyKey == null ? "" : " (key " + idempotencyKey + ")");
  }
}
