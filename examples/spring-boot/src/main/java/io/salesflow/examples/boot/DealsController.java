package io.salesflow.examples.boot;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionOption;
import io.salesflow.analytics.FunnelReport;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.spring.boot.autoconfigure.EventRejectedException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST endpoints: start a deal, fire an event at it, ask what is blocking it, read a process's funnel. Deals,
 * events and fire results go in and out as they are: the starter registers Salesflow's Jackson module. Errors need
 * no code here: the starter answers Salesflow's exceptions as problem details (404 unknown deal, 409 duplicate deal
 * or stale version, 422 rejected event with its reasons, 400 bad input).
 */
@RestController
class DealsController {
  private final DealEngine engine;

  DealsController(DealEngine engine) {
    this.engine = engine;
  }

  /** The body of {@code POST /deals}. */
  record NewDeal(String id, String process) {}

  /** One way out of the deal's stage, and whether it is open now. */
  record Option(String event, String to, boolean allowed, List<String> unmetConditions) {}

  /** A stage's row of the funnel. */
  record StageRow(String stage, int entered, int advanced, int lost, int stillThere, @Nullable Double conversion) {}

  /** A process's funnel. */
  record Funnel(String process, int deals, int won, int lost, int open, @Nullable Double winRate,
      List<StageRow> stages) {}

  // tag::boot-fire[]
  @PostMapping("/deals")
  Deal start(@RequestBody NewDeal request) {
    return engine.start(request.id(), request.process());
  }

  @PostMapping("/deals/{id}/events")
  FireResult fire(@PathVariable("id") String id, @RequestBody SalesEvent event,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    FireResult result = key == null ? engine.fire(id, event) : engine.fire(id, event, key);
    return EventRejectedException.requireAccepted(result); // rejected: 422 with the kind and the reasons
  }
  // end::boot-fire[]

  @GetMapping("/deals/{id}")
  Deal deal(@PathVariable("id") String id) {
    return engine.get(id);
  }

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
