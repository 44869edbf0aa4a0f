package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.DealFacts;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealCodecTests {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00.000000001Z");

  @Test
  void keepsNanosecondsAndEmptyFacts() {
    DealCodec.State state = new DealCodec.State(AT, AT.plusNanos(1), DealFacts.none());

    assertThat(DealCodec.readState(DealCodec.writeState(state))).isEqualTo(state);
  }

  @Test
  void readsACustomEventTypeItHasNeverSeen() {
    SalesEvent event = new SalesEvent.Custom(EventType.custom("trial-extended"), AT, Map.of("days", "14"));

    assertThat(DealCodec.readPayload(DealCodec.writePayload(new DealCodec.Payload(AT, event))).event())
        .isEqualTo(event);
  }

  @Test
  void refusesADocumentOfANewerFormatAndSaysWhy() {
    assertThatThrownBy(() -> DealCodec.readPayload("{\"format\":2,\"at\":\"" + AT + "\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("format 2 is not supported");
  }

  @Test
  void namesAMissingMember() {
    assertThatThrownBy(() -> DealCodec.readPayload("{\"format\":1,\"at\":\"" + AT + "\",\"event\":{\"type\":"
        + "\"closed-won\",\"occurredAt\":\"" + AT + "\"}}"))
        .hasMessageContaining("'amount' is missing");
  }
}
