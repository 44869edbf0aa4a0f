package io.salesflow.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.jackson.SalesflowModule;
import io.salesflow.jackson2.SalesflowJackson2Module;
import tools.jackson.databind.json.JsonMapper;

/** Deals and events as JSON: the Jackson 3 and Jackson 2 set-ups, which write and read the same JSON. */
public final class JsonExample {
  private JsonExample() {}

  /**
   * Returns a Jackson 3 mapper for Salesflow's types.
   *
   * @param processes the processes whose custom event types the mapper reads
   * @return the mapper
   */
  public static JsonMapper jackson3(SalesProcess... processes) {
    // tag::jackson3-mapper[]
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new SalesflowModule().withEventTypesOf(processes)) // built-in event types, and your custom ones
        .build();
    // end::jackson3-mapper[]
    return mapper;
  }

  /**
   * Returns a Jackson 2 mapper for Salesflow's types.
   *
   * @param processes the processes whose custom event types the mapper reads
   * @return the mapper
   */
  public static ObjectMapper jackson2(SalesProcess... processes) {
    // tag::jackson2-mapper[]
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new SalesflowJackson2Module().withEventTypesOf(processes));
    // end::jackson2-mapper[]
    return mapper;
  }

  /**
   * Writes a deal and reads it back, and reads an event a client sent.
   *
   * @param mapper a mapper from {@link #jackson3}
   * @param deal any deal
   * @return the deal read back, equal to {@code deal}, and the event read
   */
  public static Read roundTrip(JsonMapper mapper, Deal deal) {
    // tag::json-round-trip[]
    String json = mapper.writeValueAsString(deal); // facts, history, ISO-8601 instants, exact amounts
    Deal same = mapper.readValue(json, Deal.class); // equals deal
    SalesEvent won = mapper.readValue("""
        {"type": "closed-won", "occurredAt": "2026-03-02T09:00:00Z", "amount": 12000.50}""", SalesEvent.class);
    // end::json-round-trip[]
    return new Read(same, won);
  }

  /**
   * What {@link #roundTrip} read.
   *
   * @param deal the deal read back
   * @param event the event read
   */
  public record Read(Deal deal, SalesEvent event) {}
}
