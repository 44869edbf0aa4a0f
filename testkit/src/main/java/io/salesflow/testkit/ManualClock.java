package io.salesflow.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until you set or advance it, for tests and simulations that need an engine's
 * "now" under their control: give it to the engine, then move it to each event's time before firing the event, so
 * that guards, history records and stall checks see the time the test means.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
 * DealEngine engine = DealEngine.tableEngine().process(process).clock(clock).build();
 * engine.start("D-1", process.id());
 * clock.advance(Duration.ofDays(3));   // three days later
 * clock.set(event.occurredAt());       // or exactly when the event happened
 * engine.fire("D-1", event);
 * }</pre>
 *
 * <p>Its zone is UTC; {@link #withZone(ZoneId)} returns a view in another zone that reads and moves the same time.
 *
 * <p>Thread-safe: {@link #set}, {@link #advance} and {@link #instant()} are atomic, and every thread reads the instant
 * last set or advanced to, so one clock can be shared by an engine and the threads that drive it.
 *
 * @since 0.1
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock in UTC that reads {@code start} until it is set or advanced.
   *
   * @param start the instant the clock reads at first
   * @return the clock
   */
  public static ManualClock startingAt(Instant start) {
    return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start must not be null")),
        ZoneOffset.UTC);
  }

  /**
   * Sets the instant the clock reads, earlier or later than the current one.
   *
   * @param instant the instant every later read returns, until the next set or advance
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant must not be null"));
  }

  /**
   * Moves the clock on by {@code duration} (back, if it is negative) and returns the instant it now reads.
   *
   * @param duration how far to move the clock
   * @return the instant the clock reads after the move
   * @throws ArithmeticException if the result is beyond the range of {@link Instant}
   */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration must not be null");
    return now.updateAndGet(instant -> instant.plus(duration));
  }

  /** The instant the clock was last set or advanced to. */
  @Override
  public Instant instant() {
    return now.get();
  }

  /** UTC, unless this is a view from {@link #withZone(ZoneId)}. */
  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view of this clock in {@code zone}: setting or advancing either moves both. */
  @Override
  public ManualClock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone must not be null");
    return zone.equals(this.zone) ? this : new ManualClock(now, zone);
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + ", " + zone + "]";
  }
}
