package io.salesflow.testkit;

import io.salesflow.Deal;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.FireResult;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/** Forwards every call to another engine; deliberately broken engines override what they break. */
class ForwardingDealEngine implements DealEngine {
  final DealEngine delegate;

  ForwardingDealEngine(DealEngine delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return "broken-" + delegate.name();
  }

  @Override
  public Deal start(DealEngine.Start start) {
    return delegate.start(start);
  }

  @Override
  public FireResult fire(String dealId, SalesEvent event) {
    return delegate.fire(dealId, event);
  }

  @Override
  public FireResult fire(String dealId, long expectedVersion, SalesEvent event) {
    return delegate.fire(dealId, expectedVersion, event);
  }

  @Override
  public FireResult fire(String dealId, SalesEvent event, String idempotencyKey) {
    return delegate.fire(dealId, event, idempotencyKey);
  }

  @Override
  public FireResult fire(String dealId, long expectedVersion, SalesEvent event, String idempotencyKey) {
    return delegate.fire(dealId, expectedVersion, event, idempotencyKey);
  }

  @Override
  public Deal get(String dealId) {
    return delegate.get(dealId);
  }

  @Override
  public Optional<Deal> find(String dealId) {
    return delegate.find(dealId);
  }

  @Override
  public SalesProcess process(String processId) {
    return delegate.process(processId);
  }

  @Override
  public Collection<SalesProcess> processes() {
    return delegate.processes();
  }

  @Override
  public DealStore store() {
    return delegate.store();
  }

  @Override
  public Clock clock() {
    return delegate.clock();
  }

  @Override
  public void addListener(DealEngine.Listener listener) {
    delegate.addListener(listener);
  }

  @Override
  public void removeListener(DealEngine.Listener listener) {
    delegate.removeListener(listener);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
