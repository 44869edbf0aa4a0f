package io.salesflow.examples.boot;

import io.salesflow.EventType;
import io.salesflow.SalesEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an event from a JSON body: {@code "type"} is the event type id, the other fields are the components of its
 * record in {@link SalesEvent} ({@code {"type":"closed-lost","reason":"NO_RESPONSE","detail":"no answer"}}), and
 * {@code "occurredAt"} defaults to now. A type that is not built in becomes a {@link SalesEvent.Custom} whose other
 * fields are its attributes. Salesflow's own Jackson module will make this class unnecessary; it uses the application's
 * {@link JsonMapper} and Jackson's support for records meanwhile.
 */
@Component
class EventReader {
  private final JsonMapper json;
  private final Clock clock;

  EventReader(JsonMapper json) {
    this.json = json;
    this.clock = Clock.systemUTC();
  }

  SalesEvent read(JsonNode body) {
    if (!(body instanceof ObjectNode fields) || !fields.path("type").isString()) {
      throw new IllegalArgumentException("the body must be a JSON object with the event type id in \"type\", for"
          + " example {\"type\":\"contact-made\",\"channel\":\"PHONE\"}");
    }
    ObjectNode components = fields.deepCopy();
    EventType type = new EventType(components.remove("type").asString());
    if (!components.has("occurredAt")) {
      components.put("occurredAt", clock.instant().toString());
    }
    Class<? extends SalesEvent> recordClass = type.eventClass().orElse(null);
    try {
      if (recordClass != null) {
        return json.treeToValue(components, recordClass);
      }
      JsonNode at = components.remove("occurredAt");
      Map<String, String> attributes = new LinkedHashMap<>();
      components.properties().forEach(field -> attributes.put(field.getKey(), field.getValue().asString()));
      return new SalesEvent.Custom(type, json.treeToValue(at, Instant.class), attributes);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("event '" + type.id() + "' could not be read from the body: "
          + e.getOriginalMessage(), e);
    }
  }
}
