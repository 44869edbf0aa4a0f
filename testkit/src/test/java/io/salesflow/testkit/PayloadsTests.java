package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The payload generator covers every built-in event type. It reads the types from {@link EventType#builtIn()}, so a
 * type added to the core is checked here without editing this test.
 */
class PayloadsTests {
  private static final Instant AT = Instant.parse("2026-02-02T10:00:00Z");
  private static final int EVENTS_PER_TYPE = 200;

  @Test
  void generatesAnEventOfTheRightRecordForEveryBuiltInType() {
    SplittableRandom random = new SplittableRandom(17);
    for (EventType type : EventType.builtIn()) {
      Class<? extends SalesEvent> record = type.eventClass()
          .orElseThrow(() -> new AssertionError("built-in type '" + type + "' has no event class"));
      for (int i = 0; i < EVENTS_PER_TYPE; i++) {
        SalesEvent event;
        try {
          event = Payloads.event(type, DealFacts.none(), AT, random);
        } catch (RuntimeException e) {
          throw new AssertionError("the testkit cannot generate built-in event type '" + type + "' ("
              + record.getSimpleName() + "): add or fix the case for '" + type.id() + "' in the switch of "
              + "io.salesflow.testkit.Payloads.event", e);
        }
        if (!record.isInstance(event) || !event.type().equals(type)) {
          fail("io.salesflow.testkit.Payloads.event made " + event + " for built-in event type '" + type
              + "', which needs a " + record.getName() + ": fix the case for '" + type.id() + "' in its switch");
        }
        assertThat(event.occurredAt()).isEqualTo(AT);
      }
    }
  }
}
