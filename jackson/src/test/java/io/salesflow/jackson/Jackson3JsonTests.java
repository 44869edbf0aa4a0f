package io.salesflow.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;

/** The shared JSON contract on Jackson 3, and how the module is registered there. */
class Jackson3JsonTests extends JsonContract {
  static final String SUBMITTED_JSON = "{\"type\":\"submitted\",\"occurredAt\":\"2026-01-05T09:00:00Z\"}";

  @Override
  Json newJson(Collection<EventType> customTypes) {
    return on(JsonMapper.builder().addModule(new SalesflowModule().withEventTypes(customTypes)).build());
  }

  @Override
  Json jsonReadingAnyEventType() {
    return on(JsonMapper.builder().addModule(new SalesflowModule().withAnyEventType()).build());
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
      public String write(Object value) {
        return mapper.writeValueAsString(value);
      }

      @Override
      public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
      }
    };
  }

  @Test
  void serviceLoadingFindsTheModule() {
    assertThat(ServiceLoader.load(JacksonModule.class).stream().map(ServiceLoader.Provider::type))
        .contains(SalesflowModule.class);
    ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();
    assertThat(mapper.registeredModules()).extracting(JacksonModule::getModuleName).contains("salesflow");
    assertThat(mapper.readValue(SUBMITTED_JSON.replace("submitted", "presentation-delivered"), SalesEvent.class))
        .isEqualTo(new SalesEvent.PresentationDelivered(T0));
  }

  @Test
  void aModuleAddedAfterServiceLoadingReplacesTheOneFound() {
    EventType submitted = EventType.custom("submitted");
    ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
        .addModule(new SalesflowModule().withEventTypes(submitted)).build();
    assertThat(mapper.readValue(SUBMITTED_JSON, SalesEvent.class)).isEqualTo(new SalesEvent.Custom(submitted, T0));
  }

  @Test
  void modulesAreValuesThatSayWhatTheyRead() {
    SalesflowModule module = new SalesflowModule().withEventTypesOf(JsonTestProcesses.partnerDeals());
    assertThat(module).isEqualTo(new SalesflowModule().withEventTypes(List.of(JsonTestProcesses.SUBMITTED,
        JsonTestProcesses.NOTE_ADDED, JsonTestProcesses.APPROVED, JsonTestProcesses.WITHDRAWN, EventType.CLOSED_WON)))
        .isNotEqualTo(new SalesflowModule()).hasSameHashCodeAs(new SalesflowModule()
            .withEventTypesOf(JsonTestProcesses.partnerDeals()));
    assertThat(module).hasToString("SalesflowModule (reads built-in event types and [approved, note-added, submitted, "
        + "withdrawn])");
    assertThat(new SalesflowModule().withAnyEventType()).hasToString(
        "SalesflowModule (reads built-in and any custom event types)");
  }

  @Test
  void readsEventsAsMembersOfTheApplicationsOwnTypes() {
    record Command(String dealId, SalesEvent event, Map<String, String> meta) {}
    ObjectMapper mapper = JsonMapper.builder().addModule(new SalesflowModule()).build();
    Command command = mapper.readValue("{\"dealId\":\"D-1\",\"event\":{\"type\":\"onboarding-done\","
        + "\"occurredAt\":\"2026-01-05T09:00:00Z\"},\"meta\":{}}", Command.class);
    assertThat(command.event()).isEqualTo(new SalesEvent.OnboardingDone(Instant.parse("2026-01-05T09:00:00Z")));
    assertThat(mapper.writeValueAsString(command)).contains("\"event\":{\"type\":\"onboarding-done\"");
  }
}
