package io.salesflow.spring.boot.tests.app;

import io.salesflow.BantAssessment;
import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.boot.autoconfigure.EventRejectedException;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts deals and fires the few events the tests need; Salesflow's exceptions become problem details. */
@RestController
@RequestMapping("/deals")
class DealsController {
  private final DealEngine engine;

  DealsController(DealEngine engine) {
    this.engine = engine;
  }

  record StartRequest(String id, String process) {}

  record FireRequest(String type, Long expectedVersion, String channel) {}

  record DealView(String id, String process, String stage, long version) {
    static DealView of(Deal deal) {
      return new DealView(deal.id(), deal.processId(), deal.stage(), deal.version());
    }
  }

  record FireView(String dealId, String from, String to, String event, long version) {}

  @PostMapping
  DealView start(@RequestBody StartRequest request) {
    return DealView.of(engine.start(request.id(), request.process()));
  }

  @GetMapping("/{id}")
  DealView get(@PathVariable("id") String id) {
    return DealView.of(engine.get(id));
  }

  @PostMapping("/{id}/events")
  FireView fire(@PathVariable("id") String id, @RequestBody FireRequest request) {
    Instant now = engine.clock().instant();
    SalesEvent event = switch (request.type()) {
      case "contact-made" -> new SalesEvent.ContactMade(now,
          SalesEvent.ContactChannel.valueOf(request.channel() == null ? "PHONE" : request.channel()), null);
      case "qualification-assessed" -> new SalesEvent.QualificationAssessed(now, BantAssessment.builder().build());
      default -> throw new IllegalArgumentException("this test application fires no '" + request.type() + "'");
    };
    FireResult result = request.expectedVersion() == null ? engine.fire(id, event)
        : engine.fire(id, request.expectedVersion(), event);
    FireResult.Accepted accepted = EventRejectedException.requireAccepted(result);
    return new FireView(id, accepted.transition().from(), accepted.transition().to(),
        accepted.transition().eventType().id(), accepted.transition().version());
  }
}
