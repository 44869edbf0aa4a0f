package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.GuardContext;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The runtime every engine shares: loads the deal, asks the compiled process for a decision, applies it, stores it
 * with a version check (retrying on conflicts), notifies listeners and logs. Thread-safe.
 */
final class StandardDealEngine implements DealEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DealEngine.class);

  private final String name;
  private final Map<String, CompiledProcess> compiled;
  private final DealStore store;
  private final Clock clock;
  private final List<DealEngine.Listener> listeners;
  private final int maxAttempts;

  StandardDealEngine(ProcessCompiler compiler, List<SalesProcess> processes, DealStore store, Clock clock,
      List<DealEngine.Listener> listeners, int maxAttempts) {
    this.name = compiler.engineName();
    Map<String, CompiledProcess> byId = new LinkedHashMap<>();
    for (SalesProcess process : processes) {
      byId.put(process.id(), Objects.requireNonNull(compiler.compile(process), "compiled process"));
    }
    this.compiled = Collections.unmodifiableMap(byId);
    this.store = store;
    this.clock = clock;
    this.listeners = new CopyOnWriteArrayList<>(listeners);
    this.maxAttempts = maxAttempts;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Deal start(DealEngine.Start start) {
    Objects.requireNonNull(start, "start must not be null");
    String dealId = requireDealId(start.dealId());
    String processId = start.processId();
    SalesProcess process = process(processId);
    Stage stage = start.entryStage().map(process::stage).orElse(process.initialStage());
    if (stage.isTerminal()) {
      throw new IllegalArgumentException("deal '" + dealId + "' cannot start in the " + stage.kind().name()
          .toLowerCase() + " stage '" + stage.id() + "' of process '" + processId + "'; start it in an open stage");
    }
    String key = start.idempotencyKey().orElse(null);
    Instant now = clock.instant();
    Deal deal = Deal.builder().id(dealId).processId(processId).stage(stage.id()).version(0).createdAt(now)
        .enteredStageAt(now).facts(start.facts()).startKey(key).build();
    try {
      store.insert(deal);
    } catch (DuplicateDealException duplicate) {
      Deal retried = key == null ? null : store.find(dealId).filter(d -> key.equals(d.startKey())).orElse(null);
      if (retried == null) {
        throw duplicate;
      }
      withMdc(retried, () -> LOG.debug("deal '{}' was already started with key '{}'; returning it", dealId, key));
      return retried;
    }
    withMdc(deal, () -> LOG.debug("started deal '{}' in stage '{}' of process '{}'", dealId, stage.id(), processId));
    for (DealEngine.Listener listener : listeners) {
      try {
        listener.onStarted(deal);
      } catch (Throwable e) {
        listenerFailed(listener, "the start of deal '" + dealId + "'; the deal is stored", e);
      }
    }
    return deal;
  }

  /** The expected version that means "whatever is stored": {@link #fire(String, SalesEvent)} retries on conflicts. */
  private static final long ANY_VERSION = -1;

  @Override
  public FireResult fire(String dealId, SalesEvent event) {
    return fireAt(dealId, ANY_VERSION, event, null);
  }

  @Override
  public FireResult fire(String dealId, long expectedVersion, SalesEvent event) {
    return fireAt(dealId, requireVersion(expectedVersion), event, null);
  }

  @Override
  public FireResult fire(String dealId, SalesEvent event, String idempotencyKey) {
    return fireAt(dealId, ANY_VERSION, event, requireKey(idempotencyKey));
  }

  @Override
  public FireResult fire(String dealId, long expectedVersion, SalesEvent event, String idempotencyKey) {
    return fireAt(dealId, requireVersion(expectedVersion), event, requireKey(idempotencyKey));
  }

  private static long requireVersion(long expectedVersion) {
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative, but was " + expectedVersion);
    }
    return expectedVersion;
  }

  private static String requireKey(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
    return Deal.Limits.requireId(idempotencyKey, "idempotencyKey");
  }

  private FireResult fireAt(String dealId, long expectedVersion, SalesEvent event, @Nullable String key) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    Objects.requireNonNull(event, "event must not be null");
    for (int attempt = 1; ; attempt++) {
      Deal deal = load(dealId);
      if (key != null) {
        FireResult.Accepted applied = alreadyApplied(deal, event, key);
        if (applied != null) {
          return applied;
        }
      }
      FireResult result = attempt(deal, expectedVersion, event, key);
      if (result != null) {
        notify(result);
        return result;
      }
      if (attempt >= maxAttempts) {
        throw new DealVersionConflictException(dealId, deal.version(), -1);
      }
    }
  }

  /** The first try's result when the deal already holds a transition with this key; null otherwise. */
  private static FireResult.@Nullable Accepted alreadyApplied(Deal deal, SalesEvent event, String key) {
    TransitionRecord record = deal.history().withIdempotencyKey(key).orElse(null);
    if (record == null) {
      return null;
    }
    if (!record.eventType().equals(event.type())) {
      throw new IllegalArgumentException("idempotency key '" + key + "' was already used on deal '" + deal.id()
          + "' for a '" + record.eventType() + "' event (version " + record.version() + "), not for '"
          + event.type() + "'; use a new key for a new change");
    }
    withMdc(deal, () -> LOG.debug("event with key '{}' was already applied to deal '{}' as version {}; returning it",
        key, deal.id(), record.version()));
    return new FireResult.Accepted(deal, record);
  }

  // The stored deal. The id is checked for blankness only when no deal has it: a stored deal's id never is blank,
  // and reading a string the hot path does not otherwise touch costs a cache miss per event in a large pipeline.
  private Deal load(String dealId) {
    Optional<Deal> found = store.find(dealId);
    if (found.isEmpty()) {
      requireDealId(dealId);
      throw new UnknownDealException(dealId);
    }
    return found.get();
  }

  /** One try: a result, or null when the store reported a concurrent change and the caller should try again. */
  private @Nullable FireResult attempt(Deal deal, long expectedVersion, SalesEvent event, @Nullable String key) {
    if (expectedVersion >= 0 && deal.version() != expectedVersion) {
      return stale(deal, event, expectedVersion);
    }
    CompiledProcess process = compiledFor(deal);
    Decision.Refuse refused = Decision.beforeGuards(process.process(), deal, event.type());
    if (refused != null) { // refused before any guard: no clock reading, no facts to compute
      return new FireResult.Rejected(deal, event, refused.kind(), refused.reasons());
    }
    Instant now = clock.instant();
    GuardContext context = GuardContext.of(deal, event, now);
    Decision decision = process.decide(context);
    if (decision instanceof Decision.Refuse refuse) {
      return new FireResult.Rejected(deal, event, refuse.kind(), refuse.reasons());
    }
    Transition transition = ((Decision.Take) decision).transition();
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), transition.target(), event,
        now, transition.internal(), key);
    Deal next = deal.advance(record, context.facts());
    try {
      store.append(next, record);
    } catch (DealVersionConflictException conflict) {
      // with a key, the concurrent change may have been this very event, fired by a retry on another node: look
      return expectedVersion >= 0 && key == null ? stale(deal, event, expectedVersion) : null;
    }
    return new FireResult.Accepted(next, record);
  }

  // the rejection below is built out of line: attempt stays small enough for the JIT to inline into fire

  private static FireResult.Rejected stale(Deal deal, SalesEvent event, long expectedVersion) {
    return new FireResult.Rejected(deal, event, FireResult.RejectionKind.STALE_VERSION, List.of("deal '" + deal.id()
        + "' was expected at version " + expectedVersion + " but another change made it version "
        + (deal.version() == expectedVersion ? expectedVersion + 1 : deal.version())
        + "; reload it and decide again"));
  }

  private void notify(FireResult result) {
    Deal deal = result.deal();
    if (LOG.isDebugEnabled()) { // checked first: the lambda below captures the result and would be allocated
      withMdc(deal, () -> LOG.debug("{}", result));
    }
    if (listeners.isEmpty()) {
      return;
    }
    for (DealEngine.Listener listener : listeners) {
      try {
        if (result instanceof FireResult.Accepted accepted) {
          listener.onTransition(accepted);
        } else {
          listener.onRejection((FireResult.Rejected) result);
        }
      } catch (Throwable e) {
        listenerFailed(listener, "deal '" + deal.id() + "'; the result stands", e);
      }
    }
  }

  // A listener runs after the result was stored: nothing it throws may turn that result into a failure the caller
  // would retry. Only a VirtualMachineError goes on, as nothing can be trusted after one.
  private static void listenerFailed(DealEngine.Listener listener, String what, Throwable failure) {
    if (failure instanceof VirtualMachineError error) {
      throw error;
    }
    LOG.warn("listener {} failed on {}", listener, what, failure);
  }

  private static void withMdc(Deal deal, Runnable action) {
    if (!LOG.isDebugEnabled()) {
      return;
    }
    MDC.put("dealId", deal.id());
    MDC.put("processId", deal.processId());
    try {
      action.run();
    } finally {
      MDC.remove("dealId");
      MDC.remove("processId");
    }
  }

  @Override
  public Deal get(String dealId) {
    return find(dealId).orElseThrow(() -> new UnknownDealException(dealId));
  }

  @Override
  public Optional<Deal> find(String dealId) {
    return store.find(requireDealId(dealId));
  }

  @Override
  public SalesProcess process(String processId) {
    return compiled(processId).process();
  }

  /** The compiled process of a stored deal; a deal naming a process this engine lacks fails naming the deal. */
  private CompiledProcess compiledFor(Deal deal) {
    CompiledProcess process = compiled.get(deal.processId());
    if (process == null) {
      throw new UnknownProcessException(deal.id(), deal.processId(), compiled.keySet());
    }
    return process;
  }

  private CompiledProcess compiled(String processId) {
    CompiledProcess process = compiled.get(Objects.requireNonNull(processId, "processId must not be null"));
    if (process == null) {
      throw new UnknownProcessException(processId, compiled.keySet());
    }
    return process;
  }

  @Override
  public Collection<SalesProcess> processes() {
    return compiled.values().stream().map(CompiledProcess::process).toList();
  }

  @Override
  public DealStore store() {
    return store;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void addListener(DealEngine.Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  @Override
  public void removeListener(DealEngine.Listener listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    compiled.values().forEach(CompiledProcess::close);
  }

  @Override
  public String toString() {
    return "DealEngine{" + name + ", processes=" + compiled.keySet() + "}";
  }

  private static String requireDealId(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    return Deal.Limits.requireId(dealId, "dealId");
  }

}
