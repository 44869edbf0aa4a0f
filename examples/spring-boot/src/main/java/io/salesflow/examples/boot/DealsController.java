package io.salesflow.examples.boot;

import io.salesflow.Deal;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionOption;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.boot.autoconfigure.EventRejectedException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The REST endpoints: start a deal, fire an event at it, ask what is blocking it, read a process's funnel. Errors
 * need no code here: the starter answers Salesflow's exceptions as problem details (404 unknown deal, 409 duplicate
 * deal or stale version, 422 rejected event with its reasons, 400 bad input).
 */
@RestController
class DealsController {
  private final DealEngine engine;
  private final EventReader events;

  DealsController(DealEngine engine, EventReader events) {
    this.engine = engine;
    this.events = events;
  }

  /** The body of {@code POST /deals}. */
  record NewDeal(String id, String process) {}

  /** A deal as the endpoints show it. */
  record DealView(String id, String process, String stage, long version, Instant enteredStageAt) {
    static DealView of(Deal deal) {
      return new DealView(deal.id(), deal.processId(), deal.stage(), deal.version(), deal.enteredStageAt());
    }
  }

  /** An accepted event. */
  record Transitioned(String deal, String from, String to, String event, long version) {}

  /** One way out of the deal's stage, and whether it is open now. */
  record Option(String event, String to, boolean allowed, List<String> unmetConditions) {}

  /** A stage's row of the funnel. */
  record StageRow(String stage, int entered, int advanced, int lost, int stillThere, @Nullable Double conversion) {}

  /** A process's funnel. */
  record Funnel(String process, int deals, int won, int lost, int open, @Nullable Double winRate,
      List<StageRow> stages) {}

  @PostMapping("/deals")
  DealView start(@RequestBody NewDeal request) {
    return DealView.of(engine.start(request.id(), request.process()));
  }

  @GetMapping("/deals/{id}")
  DealView deal(@PathVariable("id") String id) {
    return DealView.of(engine.get(id));
  }

  // tag::boot-fire[]
  @PostMapping("/deals/{id}/events")
  Transitioned fire(@PathVariable("id") String id, @RequestBody JsonNode body) {
    FireResult result = engine.fire(id, events.read(body));
    FireResult.Accepted accepted = EventRejectedException.requireAccepted(result); // else 422 with the reasons
    return new Transitioned(id, accepted.transition().from(), accepted.transition().to(),
        accepted.transition().eventType().id(), accepted.deal().version());
  }
  // end::boot-fire[]

  // tag::boot-explain[]
  @GetMapping("/deals/{id}/explain")
  List<Option> explain(@PathVariable("id") String id) {
    return engine.explain(id).stream()
        .map((TransitionOption option) -> new Option(option.transition().event().id(),
            option.transition().target(), option.allowed(), option.unmetConditions()))
        .toList();
  }
  // end::boot-explain[]

  @GetMapping("/processes/{id}/funnel")
  Funnel funnel(@PathVariable("id") String processId) {
    SalesProcess process = engine.process(processId);
    FunnelReport report = FunnelReport.of(process, engine.store().findByProcess(processId),
        engine.clock().instant());
    List<StageRow> stages = report.stages().stream()
        .map(row -> new StageRow(row.stage().id(), row.entered(), row.advanced(), row.lost(), row.stillThere(),
            row.conversion().orElse(null)))
        .toList();
    return new Funnel(processId, report.deals(), report.won(), report.lost(), report.open(),
        report.winRate().orElse(null), stages);
  }
}
