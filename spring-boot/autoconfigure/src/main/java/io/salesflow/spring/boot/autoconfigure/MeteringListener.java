package io.salesflow.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesProcess;
import io.salesflow.SalesProcessException;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import java.util.Locale;

/**
 * Counts an engine's starts and events. Tag values come only from the engine's own processes (process, stage and
 * event type ids) and fixed words, never from a deal id or another value a caller chooses: an event type the deal's
 * process does not know is counted as {@code other}.
 */
final class MeteringListener implements DealEngine.Listener {
  static final String EVENTS = "salesflow.events";
  static final String STARTED = "salesflow.deals.started";
  static final String ADMINISTRATIVE = "salesflow.deals.administrative";
  static final String OTHER = "other";

  private final MeterRegistry registry;
  private final DealEngine engine;

  MeteringListener(MeterRegistry registry, DealEngine engine) {
    this.registry = registry;
    this.engine = engine;
  }

  @Override
  public void onStarted(Deal deal) {
    Counter.builder(STARTED).description("Deals started").tag("process", deal.processId())
        .register(registry).increment();
  }

  @Override
  public void onTransition(FireResult.Accepted accepted) {
    count(accepted.deal().processId(), accepted.transition().from(), accepted.transition().eventType(), "accepted");
    if (accepted.transition().administrative()) { // an override, a migration or a new owner: counted apart too
      Counter.builder(ADMINISTRATIVE).description("Overrides, migrations and owner changes recorded on deals")
          .tag("process", accepted.deal().processId()).tag("kind", accepted.transition().eventType().id())
          .register(registry).increment();
    }
  }

  @Override
  public void onRejection(FireResult.Rejected rejected) {
    count(rejected.deal().processId(), rejected.deal().stage(), rejected.event().type(),
        rejected.kind().name().toLowerCase(Locale.ROOT));
  }

  private void count(String processId, String stage, EventType type, String outcome) {
    Counter.builder(EVENTS)
        .description("Events fired at deals, by outcome: accepted or the rejection kind")
        .tag("process", processId)
        .tag("stage", stage)
        .tag("event", known(processId, type) ? type.id() : OTHER)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  private boolean known(String processId, EventType type) {
    try {
      SalesProcess process = engine.process(processId);
      return type.isAdministrative() || process.eventTypes().contains(type);
    } catch (SalesProcessException e) {
      return false; // a deal of a process this engine does not run: count its event type as other
    }
  }
}
