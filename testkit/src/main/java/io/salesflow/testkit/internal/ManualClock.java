package io.salesflow.testkit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that reads whatever instant it was last set to, so that an engine and the reference model see the same
 * time. Thread-safe.
 */
public final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start must not be null"));
  }

  /** Sets the instant the clock reads. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant must not be null"));
  }

  /** Moves the clock on by {@code seconds} and returns the new instant. */
  public Instant advanceSeconds(long seconds) {
    return now.updateAndGet(i -> i.plusSeconds(seconds));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public String toString() {
    return "ManualClock{" + now.get() + "}";
  }
}
