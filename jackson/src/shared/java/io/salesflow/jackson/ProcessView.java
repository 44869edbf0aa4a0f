package io.salesflow.jackson;

import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only JSON view of a process definition, for user interfaces: its stages with their CRM metadata, and its
 * transitions with the labels of their guards. A process cannot be read back from it, since guards are code.
 */
final class ProcessView {
  private ProcessView() {}

  /**
   * {@code {"id", "name", "description", "initialStage", "stages": [...], "transitions": [...], "eventTypes": [...]}},
   * stages and transitions in the order the definition declares them.
   */
  static Map<String, Object> process(SalesProcess process, ModelMapping mapping) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", process.id());
    json.put("version", (long) process.version());
    json.put("name", process.name());
    json.put("description", process.description());
    json.put("initialStage", process.initialStage().id());
    List<Object> stages = new ArrayList<>();
    for (Stage stage : process.stages()) {
      stages.add(stage(stage, mapping));
    }
    json.put("stages", stages);
    List<Object> transitions = new ArrayList<>();
    for (Transition transition : process.transitions()) {
      transitions.add(transition(transition));
    }
    json.put("transitions", transitions);
    json.put("eventTypes", process.eventTypes().stream().map(EventType::id).toList());
    return json;
  }

  /**
   * {@code {"id", "name", "description", "kind", "winProbability", "forecastCategory", "stallAfter", "guidance",
   * "requiredToEnter", "requiredToLeave"}}; a stage with no win probability or stall threshold has no such member.
   */
  static Map<String, Object> stage(Stage stage, ModelMapping mapping) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", stage.id());
    json.put("name", stage.name());
    json.put("description", stage.description());
    json.put("kind", ModelMapping.label(stage.kind()));
    mapping.member(json, "winProbability", stage.winProbability());
    json.put("forecastCategory", ModelMapping.label(stage.forecastCategory()));
    mapping.member(json, "stallAfter", stage.stallAfter());
    json.put("guidance", stage.guidance());
    json.put("requiredToEnter", List.copyOf(stage.requiredToEnter()));
    json.put("requiredToLeave", List.copyOf(stage.requiredToLeave()));
    return json;
  }

  /**
   * {@code {"source", "event", "target", "internal", "guard"}}, the guard being its label; an unguarded transition
   * has no {@code "guard"} member.
   */
  static Map<String, Object> transition(Transition transition) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", transition.source());
    json.put("event", transition.event().id());
    json.put("target", transition.target());
    json.put("internal", transition.internal());
    if (transition.isGuarded()) {
      json.put("guard", transition.guard().label());
    }
    return json;
  }
}
