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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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
  public FireResult fire(String dealId, SalesEvent event, DealEngine.Fire options) {
    return delegate.fire(dealId, event, options);
  }

  @Override
  public FireResult.Accepted override(String dealId, String targetStage, @Nullable String actor, String reason) {
    return delegate.override(dealId, targetStage, actor, reason);
  }

  @Override
  public FireResult.Accepted assignOwner(String dealId, String owner, @Nullable String actor) {
    return delegate.assignOwner(dealId, owner, actor);
  }

  @Override
  public FireResult override(String dealId, DealEngine.Fire options, String targetStage, String reason) {
    return delegate.override(dealId, options, targetStage, reason);
  }

  @Override
  public FireResult assignOwner(String dealId, DealEngine.Fire options, String owner) {
    return delegate.assignOwner(dealId, options, owner);
  }

  @Override
  public FireResult migrate(String dealId, SalesProcess.MigrationPlan plan, @Nullable String actor, String reason) {
    return delegate.migrate(dealId, plan, actor, reason);
  }

  @Override
  public DealEngine.MigrationProgress migrateAll(SalesProcess.MigrationPlan plan, @Nullable String actor,
      String reason, int batchSize, Consumer<? super DealEngine.MigrationProgress> progress) {
    return delegate.migrateAll(plan, actor, reason, batchSize, progress);
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
  public SalesProcess process(String processId, int version) {
    return delegate.process(processId, version);
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
