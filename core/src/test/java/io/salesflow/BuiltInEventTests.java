package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every built-in event is declared once, in {@link BuiltInEvent}, and nothing is left out of that table. */
class BuiltInEventTests {
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void everyEventRecordHasItsRowInTheBuiltInEventTable() {
    Set<Class<?>> records = Arrays.stream(SalesEvent.class.getPermittedSubclasses())
        .filter(c -> c != SalesEvent.Custom.class).collect(Collectors.toCollection(LinkedHashSet::new));
    Set<Class<?>> tabled = Arrays.stream(BuiltInEvent.values()).map(e -> e.recordClass).collect(Collectors.toSet());
    for (Class<?> record : records) {
      assertThat(tabled).as("SalesEvent.%s has no constant in BuiltInEvent: add one saying its type, how it changes"
          + " the facts and its probe", record.getSimpleName()).contains(record);
    }
    assertThat(BuiltInEvent.values()).hasSameSizeAs(records);
  }

  @Test
  void everyEventTypeConstantIsTheTypeOfOneRow() throws IllegalAccessException {
    for (Field field : EventType.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
        EventType type = (EventType) field.get(null);
        assertThat(BuiltInEvent.of(type)).as("EventType.%s has no constant in BuiltInEvent", field.getName())
            .isNotNull();
      }
    }
    assertThat(EventType.builtIn()).hasSize(BuiltInEvent.values().length);
  }

  @Test
  void eachRowProbesWithAnEventOfItsOwnRecordAndType() {
    Deal deal = Deal.builder().id("D-1").processId("p").stage("s").version(0).createdAt(NOW).enteredStageAt(NOW)
        .build();
    for (BuiltInEvent row : BuiltInEvent.values()) {
      SalesEvent probe = BuiltInEvent.neutral(row.type, deal, NOW);
      assertThat(probe).as("probe of %s", row).isInstanceOf(row.recordClass);
      assertThat(probe.type()).as("type of the probe of %s", row).isEqualTo(row.type);
      assertThat(row.type.eventClass()).as("event class of %s", row.type).contains(row.recordClass);
    }
  }

  @Test
  void probesBringNoNewFactsAndCustomTypesProbeWithACustomEvent() {
    Deal deal = Deal.builder().id("D-1").processId("p").stage("s").version(0).createdAt(NOW).enteredStageAt(NOW)
        .facts(DealFacts.builder().addContactChannels(SalesEvent.ContactChannel.PHONE).build()).build();
    for (EventType type : List.of(EventType.CONTACT_MADE, EventType.QUALIFICATION_ASSESSED,
        EventType.OBJECTION_RESOLVED, EventType.TERMS_NEGOTIATED)) {
      assertThat(deal.facts().apply(BuiltInEvent.neutral(type, deal, NOW))).as("%s", type).isEqualTo(deal.facts());
    }
    assertThat(BuiltInEvent.neutral(EventType.custom("site-visit"), deal, NOW))
        .isEqualTo(new SalesEvent.Custom(EventType.custom("site-visit"), NOW));
    assertThat(EventType.custom("site-visit").eventClass()).isEmpty();
  }
}
