package io.salesflow.jackson2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The shared JSON contract on Jackson 2, and how the module is registered there. */
class Jackson2JsonTests extends JsonContract {
  static final String SUBMITTED_JSON = "{\"type\":\"submitted\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}";

  @Override
  Json newJson(Collection<EventType> customTypes) {
    return on(new ObjectMapper().registerModule(new SalesflowJackson2Module().withEventTypes(customTypes)));
  }

  @Override
  Json jsonReadingAnyEventType() {
    return on(new ObjectMapper().registerModule(new SalesflowJackson2Module().withAnyEventType()));
  }

  @Override
  Class<? extends Exception> invalidTypeIdException() {
    return InvalidTypeIdException.class;
  }

  @Override
  String typeIdOf(Exception invalidTypeId) {
    return ((InvalidTypeIdException) invalidTypeId).getTypeId();
  }

  static Json on(ObjectMapper mapper) {
    return new Json() {
      @Override
      public String write(Object value) throws Exception {
        return mapper.writeValueAsString(value);
      }

      @Override
      public <T> T read(String json, Class<T> type) throws Exception {
        return mapper.readValue(json, type);
      }
    };
  }

  @Test
  void serviceLoadingFindsTheModule() throws Exception {
    assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
        .contains(SalesflowJackson2Module.class);
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    assertThat(mapper.getRegisteredModuleIds()).contains(new SalesflowJackson2Module().getTypeId());
    assertThat(mapper.readValue(SUBMITTED_JSON.replace("submitted", "presentation-delivered"), SalesEvent.class))
        .isEqualTo(new SalesEvent.PresentationDelivered(T0));
  }

  @Test
  void aModuleRegisteredAfterServiceLoadingIsAskedFirst() throws Exception {
    EventType submitted = EventType.custom("submitted");
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
        .registerModule(new SalesflowJackson2Module().withEventTypes(submitted));
    assertThat(mapper.readValue(SUBMITTED_JSON, SalesEvent.class)).isEqualTo(new SalesEvent.Custom(submitted, T0));
  }

  @Test
  void modulesAreValuesThatSayWhatTheyRead() {
    SalesflowJackson2Module module = new SalesflowJackson2Module().withEventTypesOf(JsonTestProcesses.partnerDeals());
    assertThat(module).isEqualTo(new SalesflowJackson2Module().withEventTypes(List.of(JsonTestProcesses.SUBMITTED,
        JsonTestProcesses.NOTE_ADDED, JsonTestProcesses.APPROVED, JsonTestProcesses.WITHDRAWN, EventType.CLOSED_WON)))
        .isNotEqualTo(new SalesflowJackson2Module()).hasSameHashCodeAs(new SalesflowJackson2Module()
            .withEventTypesOf(JsonTestProcesses.partnerDeals()));
    assertThat(module.getTypeId()).isEqualTo(SalesflowJackson2Module.class.getName()
        + "[approved,note-added,submitted,withdrawn]");
    assertThat(new SalesflowJackson2Module().withAnyEventType()).hasToString(
        "SalesflowJackson2Module (reads built-in and any custom event types)");
  }

  @Test
  void readsEventsAsMembersOfTheApplicationsOwnTypes() throws Exception {
    record Command(String dealId, SalesEvent event, Map<String, String> meta) {}
    ObjectMapper mapper = new ObjectMapper().registerModule(new SalesflowJackson2Module());
    Command command = mapper.readValue("{\"dealId\":\"D-1\",\"event\":{\"type\":\"onboarding-done\","
        + "\"occurredAt\":\"2026-01-05T09:00:00Z\"},\"meta\":{}}", Command.class);
    assertThat(command.event()).isEqualTo(new SalesEvent.OnboardingDone(Instant.parse("2026-01-05T09:00:00Z")));
    assertThat(mapper.writeValueAsString(command)).contains("\"event\":{\"type\":\"onboarding-done\"");
  }
}
