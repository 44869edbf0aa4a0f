package io.salesflow.spring.boot.tests.app;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.boot.autoconfigure.EventRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts deals and fires events, with Salesflow's own types as request and response bodies (the starter registers
 * the Jackson module of the Boot line); Salesflow's exceptions become problem details.
 */
@RestController
@RequestMapping("/deals")
class DealsController {
  private final DealEngine engine;

  DealsController(DealEngine engine) {
    this.engine = engine;
  }

  record StartRequest(String id, String process) {}

  @PostMapping
  Deal start(@RequestBody StartRequest request) {
    return engine.start(request.id(), request.process());
  }

  @GetMapping("/{id}")
  Deal get(@PathVariable("id") String id) {
    return engine.get(id);
  }

  @PostMapping("/{id}/events")
  FireResult fire(@PathVariable("id") String id,
      @RequestParam(name = "expectedVersion", required = false) Long expectedVersion,
      @RequestBody SalesEvent event) {
    FireResult result = expectedVersion == null ? engine.fire(id, event) : engine.fire(id, expectedVersion, event);
    return EventRejectedException.requireAccepted(result);
  }
}
