package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DealVersionConflictException;
import io.salesflow.DuplicateDealException;
import io.salesflow.EventType;
import io.salesflow.GuardContext;
import io.salesflow.GuardVerdict;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.Transition;
import io.salesflow.TransitionOption;
import io.salesflow.TransitionRecord;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.CompiledProcess.Decision;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The runtime every engine shares: loads the deal, asks the compiled process of the deal's version for a decision,
 * applies it, stores it with a version check (retrying on conflicts), notifies listeners and logs. Administrative
 * changes (overrides, migrations, owners) are the runtime's own: they ask no compiled process. Thread-safe.
 */
final class StandardDealEngine implements DealEngine {
  private static final Logger LOG = LoggerFactory.getLogger(DealEngine.class);

  private final String name;
  private final LinkedHashMap<String, Versions> compiled;
  /** The one process id and its versions when the engine runs one process, the usual case: no look-up per event. */
  private final @Nullable String onlyId;
  private final @Nullable Versions onlyVersions;
  private final List<CompiledProcess> all;
  private final DealStore store;
  private final Clock clock;
  private final List<DealEngine.Listener> listeners;
  private final int maxAttempts;

  StandardDealEngine(ProcessCompiler compiler, List<SalesProcess> processes, DealStore store, Clock clock,
      List<DealEngine.Listener> listeners, int maxAttempts) {
    this.name = compiler.engineName();
    Map<String, TreeMap<Integer, CompiledProcess>> byId = new LinkedHashMap<>();
    List<CompiledProcess> inOrder = new ArrayList<>();
    for (SalesProcess process : processes) {
      CompiledProcess compiledProcess = Objects.requireNonNull(compiler.compile(process), "compiled process");
      byId.computeIfAbsent(process.id(), id -> new TreeMap<>()).put(process.version(), compiledProcess);
      inOrder.add(compiledProcess);
    }
    LinkedHashMap<String, Versions> versions = new LinkedHashMap<>();
    byId.forEach((id, byVersion) -> versions.put(id, new Versions(byVersion)));
    this.compiled = versions; // never changed; a plain map spares every event the unmodifiable view's call
    Map.Entry<String, Versions> only = versions.size() == 1 ? versions.entrySet().iterator().next() : null;
    this.onlyId = only == null ? null : only.getKey();
    this.onlyVersions = only == null ? null : only.getValue();
    this.all = List.copyOf(inOrder);
    this.store = store;
    this.clock = clock;
    this.listeners = new CopyOnWriteArrayList<>(listeners);
    this.maxAttempts = maxAttempts;
  }

  /** The compiled versions of one process. The latest is a field of its own: most deals run on it. */
  private static final class Versions {
    final CompiledProcess latest;
    final int latestVersion;
    final Map<Integer, CompiledProcess> byVersion;

    Versions(TreeMap<Integer, CompiledProcess> byVersion) {
      this.latest = byVersion.lastEntry().getValue();
      this.latestVersion = byVersion.lastKey();
      this.byVersion = Collections.unmodifiableMap(byVersion);
    }

    @Nullable CompiledProcess get(int version) {
      return version == latestVersion ? latest : byVersion.get(version);
    }
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
    SalesProcess process = start.processVersion().isPresent()
        ? process(processId, start.processVersion().getAsInt()) : process(processId);
    Stage stage = start.entryStage().map(process::stage).orElse(process.initialStage());
    if (stage.isTerminal()) {
      throw new IllegalArgumentException("deal '" + dealId + "' cannot start in the " + stage.kind().name()
          .toLowerCase() + " stage '" + stage.id() + "' of process '" + processId + "'; start it in an open stage");
    }
    String key = start.idempotencyKey().orElse(null);
    Instant now = clock.instant();
    Deal deal = Deal.builder().id(dealId).processId(processId).processVersion(process.version()).stage(stage.id())
        .version(0).createdAt(now).enteredStageAt(now).facts(start.facts()).startKey(key)
        .owner(start.owner().orElse(null)).startedBy(start.actor().orElse(null)).build();
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
    withMdc(deal, () -> LOG.debug("started deal '{}' in stage '{}' of process '{}' version {}", dealId, stage.id(),
        processId, process.version()));
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
    return fireAt(dealId, ANY_VERSION, event, null, null);
  }

  @Override
  public FireResult fire(String dealId, long expectedVersion, SalesEvent event) {
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must not be negative, but was " + expectedVersion);
    }
    return fireAt(dealId, expectedVersion, event, null, null);
  }

  @Override
  public FireResult fire(String dealId, SalesEvent event, DealEngine.Fire options) {
    Objects.requireNonNull(options, "options must not be null");
    return fireAt(dealId, options.expectedVersionOrAny(), event, options.keyOrNull(), options.actorOrNull());
  }

  private FireResult fireAt(String dealId, long expectedVersion, SalesEvent event, @Nullable String key,
      @Nullable String actor) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    Objects.requireNonNull(event, "event must not be null");
    for (int attempt = 1; ; attempt++) {
      FireResult onCopy = attempt == 1 ? fireAtCopy(dealId, expectedVersion, event, key, actor) : null;
      if (onCopy != null) {
        notify(onCopy);
        return onCopy;
      }
      Deal deal = load(dealId);
      if (key != null) {
        FireResult.Accepted applied = alreadyApplied(deal, event, key);
        if (applied != null) {
          return applied;
        }
      }
      FireResult result = attempt(deal, expectedVersion, event, key, actor, false);
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
    return alreadyApplied(deal, event.type(), key, null, null);
  }

  /**
   * The first try's result when the deal already holds a transition with this key; null otherwise. A record of
   * another type, or of an administrative change to another {@code target} (an override's stage, a new owner), means
   * the key was reused for another change, which is refused.
   */
  private static FireResult.@Nullable Accepted alreadyApplied(Deal deal, EventType type, String key,
      @Nullable String target, @Nullable String request) {
    TransitionRecord record = deal.history().withIdempotencyKey(key).orElse(null);
    if (record == null) {
      return null;
    }
    if (!record.eventType().equals(type)) {
      throw new IllegalArgumentException("idempotency key '" + key + "' was already used on deal '" + deal.id()
          + "' for a '" + record.eventType() + "' event (version " + record.version() + "), not for '"
          + type + "'; use a new key for a new change");
    }
    if (target != null && !target.equals(administrativeTarget(record))) {
      throw new IllegalArgumentException("idempotency key '" + key + "' was already used on deal '" + deal.id()
          + "' for a '" + record.eventType() + "' event to " + describeTarget(record) + " (version "
          + record.version() + "), not for " + request + "; use a new key for a new change");
    }
    withMdc(deal, () -> LOG.debug("event with key '{}' was already applied to deal '{}' as version {}; returning it",
        key, deal.id(), record.version()));
    return new FireResult.Accepted(deal, record);
  }

  /** What an override or a change of owner was for: the stage it moved the deal to, or the new owner. */
  private static String administrativeTarget(TransitionRecord record) {
    return record.event() instanceof SalesEvent.OwnerAssigned assigned ? assigned.owner() : record.to();
  }

  private static String describeTarget(TransitionRecord record) {
    return record.event() instanceof SalesEvent.OwnerAssigned assigned ? "owner '" + assigned.owner() + "'"
        : "stage '" + record.to() + "'";
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

  /**
   * One try: a result, or null when the store reported a concurrent change and the caller should try again. On a
   * copy the store handed out unchecked ({@code onCopy}), a conflict always means trying again on a checked read.
   */
  private @Nullable FireResult attempt(Deal deal, long expectedVersion, SalesEvent event, @Nullable String key,
      @Nullable String actor, boolean onCopy) {
    if (expectedVersion >= 0 && deal.version() != expectedVersion) {
      return stale(deal, event, expectedVersion);
    }
    CompiledProcess process = compiledFor(deal);
    // the table engine's candidates come from one look-up, which also answers Decision.beforeGuards
    TableCompiler.Candidates candidates = null;
    if (process instanceof TableCompiler.Table table) {
      candidates = table.candidates(deal.stage(), event.type());
      if (candidates == null) {
        return refusedBeforeGuards(process.process(), deal, event); // no clock reading, no facts to compute
      }
    } else if (process.process().transitions(deal.stage(), event.type()).isEmpty()) {
      return refusedBeforeGuards(process.process(), deal, event);
    }
    Instant now = clock.instant();
    Decision.Take unguarded = candidates != null ? candidates.unguarded() : null;
    DealFacts facts;
    Decision decision;
    if (unguarded != null) { // no guard to ask, so no context to build for one: the usual case
      Objects.requireNonNull(now, "now must not be null"); // what the context would say of a clock that gave null
      facts = deal.facts().apply(event);
      decision = unguarded;
    } else if (candidates != null && candidates.single()) { // one guarded candidate: its verdict decides
      GuardContext context = GuardContext.of(deal, event, now);
      GuardVerdict verdict = candidates.firstVerdict(context);
      if (!verdict.allowed()) {
        return denied(deal, event, verdict); // its reasons, with no refusal decision in between
      }
      facts = context.facts();
      decision = candidates.first();
    } else {
      GuardContext context = GuardContext.of(deal, event, now);
      facts = context.facts();
      decision = candidates != null ? candidates.decide(context) : process.decide(context);
    }
    if (decision instanceof Decision.Refuse refuse) {
      return new FireResult.Rejected(deal, event, refuse.kind(), refuse.reasons());
    }
    Transition transition = ((Decision.Take) decision).transition();
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), transition.target(), event,
        now, transition.internal(), key, actor);
    Deal next = deal.advance(record, facts);
    try {
      store.append(next, record);
    } catch (DealVersionConflictException conflict) {
      // with a key, the concurrent change may have been this very event, fired by a retry on another node: look
      return !onCopy && expectedVersion >= 0 && key == null ? stale(deal, event, expectedVersion) : null;
    } catch (RuntimeException failure) {
      throw onCopy ? new WriteFailed(failure) : failure;
    }
    return new FireResult.Accepted(next, record);
  }

  /**
   * One try on the copy the store handed out unchecked ({@link DealStore#findUnchecked}): an accepted transition is
   * checked by the store as it writes it, and any other outcome, an exception while deciding included, stands only
   * if a checked read finds the copy current; an error of the store's write propagates as it is. Null when the event is to be fired on a checked read instead: the store found the
   * deal changed, or another writer came first. Decides with {@link #attempt}, as a checked read does.
   */
  private @Nullable FireResult fireAtCopy(String dealId, long expectedVersion, SalesEvent event,
      @Nullable String key, @Nullable String actor) {
    Deal copy = store.findUnchecked(dealId).orElse(null);
    return copy == null ? null : fireAtCopy(copy, expectedVersion, event, key, actor);
  }

  private @Nullable FireResult fireAtCopy(Deal copy, long expectedVersion, SalesEvent event, @Nullable String key,
      @Nullable String actor) {
    FireResult unwritten;
    try {
      FireResult.Accepted applied = key == null ? null : alreadyApplied(copy, event, key);
      if (applied != null) {
        unwritten = applied;
      } else {
        FireResult result = attempt(copy, expectedVersion, event, key, actor, true);
        if (result == null || result instanceof FireResult.Accepted) {
          return result; // written, so checked by the store; or null: the row changed since the copy was taken
        }
        unwritten = result;
      }
    } catch (WriteFailed failed) {
      throw failed.getCause(); // the store's own error, as on a checked read: the write may even have committed
    } catch (RuntimeException e) {
      if (isCurrent(copy)) {
        throw e;
      }
      return null;
    }
    return isCurrent(copy) ? unwritten : null;
  }

  /** Carries an error of the store's write on a copy past the check that deciding errors get. */
  private static final class WriteFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriteFailed(RuntimeException cause) {
      super(null, cause, false, false);
    }

    @Override
    public synchronized RuntimeException getCause() {
      return (RuntimeException) super.getCause();
    }
  }

  /** Whether a checked read finds the deal as the copy has it. */
  private boolean isCurrent(Deal copy) {
    Deal stored = store.find(copy.id()).orElse(null);
    return stored == copy || copy.equals(stored);
  }

  // the rejections below are built out of line: attempt stays small enough for the JIT to inline into fire

  private static FireResult.Rejected refusedBeforeGuards(SalesProcess definition, Deal deal, SalesEvent event) {
    requireStage(definition, deal);
    Decision.Refuse refused = Objects.requireNonNull(Decision.beforeGuards(definition, deal, event.type()));
    return new FireResult.Rejected(deal, event, refused.kind(), refused.reasons());
  }

  private static FireResult.Rejected denied(Deal deal, SalesEvent event, GuardVerdict verdict) {
    return new FireResult.Rejected(deal, event, FireResult.RejectionKind.GUARD_DENIED, verdict.reasons());
  }

  private static FireResult.Rejected stale(Deal deal, SalesEvent event, long expectedVersion) {
    return new FireResult.Rejected(deal, event, FireResult.RejectionKind.STALE_VERSION, List.of("deal '" + deal.id()
        + "' was expected at version " + expectedVersion + " but another change made it version "
        + (deal.version() == expectedVersion ? expectedVersion + 1 : deal.version())
        + "; reload it and decide again"));
  }

  // ---- administrative changes: overrides, owners, migrations

  @Override
  public FireResult.Accepted override(String dealId, String targetStage, @Nullable String actor, String reason) {
    return (FireResult.Accepted) overrideAt(dealId, targetStage, reason, actor, null, ANY_VERSION); // never stale
  }

  @Override
  public FireResult override(String dealId, DealEngine.Fire options, String targetStage, String reason) {
    Objects.requireNonNull(options, "options must not be null");
    return overrideAt(dealId, targetStage, reason, options.actorOrNull(), options.keyOrNull(),
        options.expectedVersionOrAny());
  }

  /** An override with the options {@link #fireAt} takes: accepted, or stale only at an expected version. */
  private FireResult overrideAt(String dealId, String targetStage, String reason, @Nullable String actor,
      @Nullable String key, long expectedVersion) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    Objects.requireNonNull(targetStage, "targetStage must not be null");
    String why = EngineChecks.reason(reason);
    String by = EngineChecks.nameOrNull(actor, "actor");
    for (int attempt = 1; ; attempt++) {
      Deal deal = load(dealId);
      if (key != null) {
        FireResult.Accepted applied = alreadyApplied(deal, EventType.STAGE_OVERRIDDEN, key, targetStage,
            "an override to stage '" + targetStage + "'");
        if (applied != null) {
          return applied;
        }
      }
      if (expectedVersion >= 0 && deal.version() != expectedVersion) {
        return staleAdministrative(deal, new SalesEvent.StageOverridden(clock.instant(), why, reopens(deal)),
            expectedVersion);
      }
      SalesProcess definition = compiledFor(deal).process();
      if (definition.findStage(targetStage).isEmpty()) {
        throw new IllegalArgumentException("deal '" + dealId + "' cannot be moved to stage '" + targetStage
            + "': version " + deal.processVersion() + " of process '" + deal.processId() + "', which it runs on, has"
            + " no such stage; its stages are " + stageIds(definition));
      }
      if (deal.stage().equals(targetStage)) {
        throw new IllegalArgumentException("deal '" + dealId + "' is in stage '" + targetStage + "' already;"
            + " an override moves a deal to another stage");
      }
      boolean reopened = definition.findStage(deal.stage()).map(Stage::isTerminal).orElse(false);
      Instant now = clock.instant();
      SalesEvent.StageOverridden event = new SalesEvent.StageOverridden(now, why, reopened);
      TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), targetStage, event, now,
          false, key, by);
      FireResult stored = storeAdministrative(deal, deal.advance(record, deal.facts()), record, key,
          expectedVersion);
      if (stored != null) {
        return stored;
      }
      giveUpAfter(attempt, deal);
    }
  }

  @Override
  public FireResult.Accepted assignOwner(String dealId, String owner, @Nullable String actor) {
    return (FireResult.Accepted) assignOwnerAt(dealId, owner, actor, null, ANY_VERSION); // any version: never stale
  }

  @Override
  public FireResult assignOwner(String dealId, DealEngine.Fire options, String owner) {
    Objects.requireNonNull(options, "options must not be null");
    return assignOwnerAt(dealId, owner, options.actorOrNull(), options.keyOrNull(), options.expectedVersionOrAny());
  }

  /** A change of owner with the options {@link #fireAt} takes: accepted, or stale only at an expected version. */
  private FireResult assignOwnerAt(String dealId, String owner, @Nullable String actor, @Nullable String key,
      long expectedVersion) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    String newOwner = EngineChecks.name(owner, "owner");
    String by = EngineChecks.nameOrNull(actor, "actor");
    for (int attempt = 1; ; attempt++) {
      Deal deal = load(dealId);
      if (key != null) {
        FireResult.Accepted applied = alreadyApplied(deal, EventType.OWNER_ASSIGNED, key, newOwner,
            "owner '" + newOwner + "'");
        if (applied != null) {
          return applied;
        }
      }
      if (expectedVersion >= 0 && deal.version() != expectedVersion) {
        return staleAdministrative(deal, new SalesEvent.OwnerAssigned(clock.instant(), newOwner, deal.owner()),
            expectedVersion);
      }
      if (newOwner.equals(deal.owner())) {
        throw new IllegalArgumentException("deal '" + dealId + "' is owned by '" + newOwner + "' already");
      }
      Instant now = clock.instant();
      TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), deal.stage(),
          new SalesEvent.OwnerAssigned(now, newOwner, deal.owner()), now, true, key, by);
      Deal next = Deal.builder().from(deal.advance(record, deal.facts())).owner(newOwner).build();
      FireResult stored = storeAdministrative(deal, next, record, key, expectedVersion);
      if (stored != null) {
        return stored;
      }
      giveUpAfter(attempt, deal);
    }
  }

  /**
   * Stores an override or a change of owner and tells listeners: the accepted result; the stale rejection when a
   * concurrent change got in the way of a call at an expected version without a key, as {@link #attempt} does; or
   * null when the caller should reload and try again (with a key, the concurrent change may have been this very
   * call, retried on another node).
   */
  private @Nullable FireResult storeAdministrative(Deal deal, Deal next, TransitionRecord record,
      @Nullable String key, long expectedVersion) {
    FireResult.Accepted accepted = store(next, record);
    if (accepted != null) {
      notify(accepted);
      return accepted;
    }
    return expectedVersion >= 0 && key == null ? staleAdministrative(deal, record.event(), expectedVersion) : null;
  }

  /** The stale rejection of an administrative change, which listeners hear as they hear a stale event's. */
  private FireResult.Rejected staleAdministrative(Deal deal, SalesEvent event, long expectedVersion) {
    FireResult.Rejected rejected = stale(deal, event, expectedVersion);
    notify(rejected);
    return rejected;
  }

  /** Whether an override would reopen the deal: it is in a won or lost stage of a version this engine runs. */
  private boolean reopens(Deal deal) {
    Versions versions = compiled.get(deal.processId());
    CompiledProcess process = versions == null ? null : versions.get(deal.processVersion());
    return process != null && process.process().findStage(deal.stage()).map(Stage::isTerminal).orElse(false);
  }

  @Override
  public FireResult migrate(String dealId, SalesProcess.MigrationPlan plan, @Nullable String actor, String reason) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    Objects.requireNonNull(plan, "plan must not be null");
    String why = EngineChecks.reason(reason);
    String by = EngineChecks.nameOrNull(actor, "actor");
    SalesProcess target = migrationTarget(plan);
    Migrated migrated = migrateWithRetries(load(dealId), plan, target, by, why);
    if (migrated.already()) {
      return migrated.result();
    }
    notify(migrated.result());
    return migrated.result();
  }

  @Override
  public MigrationProgress migrateAll(SalesProcess.MigrationPlan plan, @Nullable String actor, String reason,
      int batchSize, Consumer<? super MigrationProgress> progress) {
    Objects.requireNonNull(plan, "plan must not be null");
    Objects.requireNonNull(progress, "progress must not be null");
    String why = EngineChecks.reason(reason);
    String by = EngineChecks.nameOrNull(actor, "actor");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, but was " + batchSize);
    }
    SalesProcess target = migrationTarget(plan);
    String after = null;
    long batches = 0;
    long migrated = 0;
    long already = 0;
    List<MigrationProgress.Refusal> refused = new ArrayList<>();
    while (true) {
      DealStore.Page page = store.findByProcessVersion(plan.processId(), plan.fromVersion(), after, batchSize,
          unreadable -> refused.add(new MigrationProgress.Refusal(unreadable.dealId(), null,
              List.of(unreadable.toString()))));
      for (Deal deal : page.deals()) {
        if (plan.from().findStage(deal.stage()).isEmpty()) { // reported, and the run goes on
          refused.add(new MigrationProgress.Refusal(deal.id(), deal.stage(), List.of(notInOldVersion(deal, plan))));
          continue;
        }
        Migrated step = migrateWithRetries(deal, plan, target, by, why);
        if (step.already()) {
          already++;
        } else if (step.result() instanceof FireResult.Rejected rejected) {
          refused.add(new MigrationProgress.Refusal(deal.id(), deal.stage(), rejected.reasons()));
          notify(rejected);
        } else {
          migrated++;
          notify(step.result());
        }
      }
      batches++;
      after = page.next();
      boolean finished = after == null;
      MigrationProgress now = new MigrationProgress(plan.processId(), plan.fromVersion(), plan.toVersion(), batches,
          migrated, already, refused, finished);
      progress.accept(now);
      if (finished) {
        LOG.info("{}", now);
        return now;
      }
    }
  }

  /** What one migration did: its result, and whether the plan had migrated the deal before (nothing written now). */
  private record Migrated(FireResult result, boolean already) {}

  /** The engine's definition of the plan's new version, which must have every stage the plan maps to. */
  private SalesProcess migrationTarget(SalesProcess.MigrationPlan plan) {
    SalesProcess target = process(plan.processId(), plan.toVersion());
    if (target != plan.to()) {
      for (String stage : plan.stageMapping().values()) {
        if (target.findStage(stage).isEmpty()) {
          throw new IllegalArgumentException("the plan maps deals to stage '" + stage + "', which version "
              + plan.toVersion() + " of process '" + plan.processId() + "' as this engine runs it does not have;"
              + " build the plan against the definition the engine runs");
        }
      }
    }
    return target;
  }

  /** Migrates {@code deal} (as loaded), reloading and trying again while concurrent changes get in the way. */
  private Migrated migrateWithRetries(Deal loaded, SalesProcess.MigrationPlan plan, SalesProcess target,
      @Nullable String actor, String reason) {
    Deal deal = loaded;
    for (int attempt = 1; ; attempt++) {
      Migrated migrated = migrateOnce(deal, plan, target, actor, reason);
      if (migrated != null) {
        return migrated;
      }
      giveUpAfter(attempt, deal);
      deal = load(deal.id());
    }
  }

  /** One try: what was done, or null when a concurrent change got in the way. */
  private @Nullable Migrated migrateOnce(Deal deal, SalesProcess.MigrationPlan plan, SalesProcess target,
      @Nullable String actor, String reason) {
    if (!deal.processId().equals(plan.processId())) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' runs in process '" + deal.processId()
          + "', but the plan migrates deals of '" + plan.processId() + "'");
    }
    if (deal.processVersion() == plan.toVersion()) {
      return new Migrated(new FireResult.Accepted(deal, migrationRecord(deal, plan)), true);
    }
    if (deal.processVersion() != plan.fromVersion()) {
      throw new IllegalArgumentException("deal '" + deal.id() + "' runs on version " + deal.processVersion()
          + " of process '" + deal.processId() + "', but the plan moves deals from version " + plan.fromVersion()
          + " to " + plan.toVersion() + "; migrate it one version at a time, with the plan from its own version");
    }
    if (plan.from().findStage(deal.stage()).isEmpty()) {
      throw new IllegalArgumentException(notInOldVersion(deal, plan));
    }
    String stage = plan.targetStage(deal.stage());
    DealFacts facts = plan.migrateFacts(deal.facts());
    List<String> unmet = plan.unmetRequirements(stage, facts);
    boolean move = unmet.isEmpty()
        || plan.missingFields() == SalesProcess.MigrationPlan.MissingFields.MOVE_WITH_EXCEPTION;
    Instant now = clock.instant();
    SalesEvent event = new SalesEvent.DealMigrated(now, plan.fromVersion(), plan.toVersion(), reason, unmet);
    if (!move) {
      List<String> reasons = new ArrayList<>();
      for (String requirement : unmet) {
        reasons.add("version " + plan.toVersion() + " of process '" + plan.processId() + "': " + requirement);
      }
      return new Migrated(new FireResult.Rejected(deal, event, FireResult.RejectionKind.GUARD_DENIED, reasons),
          false);
    }
    boolean internal = stage.equals(deal.stage());
    TransitionRecord record = new TransitionRecord(deal.version() + 1, deal.stage(), stage, event, now, internal,
        null, actor);
    Deal next = Deal.builder().from(deal).processVersion(target.version()).stage(stage).version(record.version())
        .enteredStageAt(internal ? deal.enteredStageAt() : now).facts(facts).history(deal.history().append(record))
        .build();
    FireResult.Accepted accepted = store(next, record);
    return accepted == null ? null : new Migrated(accepted, false);
  }

  private static String notInOldVersion(Deal deal, SalesProcess.MigrationPlan plan) {
    return "deal '" + deal.id() + "' is in stage '" + deal.stage() + "', which version " + plan.fromVersion()
        + " of process '" + deal.processId() + "' (the plan's old version) does not have; build the plan from the"
        + " definition the deal ran on, or override the deal into one of " + stageIds(plan.from()) + " first";
  }

  /** The record of the migration that took {@code deal} to the plan's new version. */
  private static TransitionRecord migrationRecord(Deal deal, SalesProcess.MigrationPlan plan) {
    List<TransitionRecord> records = deal.history().asList();
    for (int i = records.size() - 1; i >= 0; i--) {
      if (records.get(i).event() instanceof SalesEvent.DealMigrated migrated
          && migrated.toVersion() == plan.toVersion()) {
        return records.get(i);
      }
    }
    throw new IllegalArgumentException("deal '" + deal.id() + "' was started on version " + plan.toVersion()
        + " of process '" + deal.processId() + "'; there is nothing to migrate");
  }

  /** Stores an administrative change: the accepted result, or null when a concurrent change got in the way. */
  private FireResult.@Nullable Accepted store(Deal next, TransitionRecord record) {
    try {
      store.append(next, record);
    } catch (DealVersionConflictException conflict) {
      return null;
    }
    return new FireResult.Accepted(next, record);
  }

  private void giveUpAfter(int attempt, Deal deal) {
    if (attempt >= maxAttempts) {
      throw new DealVersionConflictException(deal.id(), deal.version(), -1);
    }
  }

  // ---- deals a version or stage of which the engine lacks

  /**
   * The compiled version the deal runs on; a deal naming a process this engine lacks fails naming the deal, and one
   * on a version it lacks as stranded.
   */
  private CompiledProcess compiledFor(Deal deal) {
    String processId = deal.processId();
    Versions versions = processId.equals(onlyId) ? onlyVersions : compiled.get(processId);
    if (versions == null) {
      throw new UnknownProcessException(deal.id(), deal.processId(), compiled.keySet());
    }
    CompiledProcess process = versions.get(deal.processVersion());
    if (process == null) {
      throw stranded(deal, versions);
    }
    return process;
  }

  private static StrandedDealException stranded(Deal deal, Versions versions) {
    String where = "deal '" + deal.id() + "' runs on version " + deal.processVersion() + " of process '"
        + deal.processId() + "'";
    return new StrandedDealException(where + ", a version this engine does not have (it has versions "
        + versions.byVersion.keySet() + "); add version " + deal.processVersion() + " to the engine's builder to"
        + " run the deal on it, or move the deal to a version the engine has with engine.migrate and a"
        + " SalesProcess.MigrationPlan from version " + deal.processVersion(), deal);
  }

  /** Throws when the deal is in a stage its version's definition lacks: that definition changed under it. */
  private static void requireStage(SalesProcess definition, Deal deal) {
    if (definition.findStage(deal.stage()).isEmpty()) {
      throw new StrandedDealException("deal '" + deal.id() + "' is in stage '" + deal.stage() + "', which version "
          + deal.processVersion() + " of process '" + deal.processId() + "' does not have (its stages are "
          + stageIds(definition) + "): the definition registered as version " + deal.processVersion() + " is not the"
          + " one the deal ran on. Register that definition as version " + deal.processVersion() + " and the changed"
          + " one as version " + (deal.processVersion() + 1) + ", then migrate the deal; or move it to one of those"
          + " stages with engine.override(\"" + deal.id() + "\", stage, actor, reason)", deal);
    }
  }

  private static List<String> stageIds(SalesProcess process) {
    return process.stages().stream().map(Stage::id).toList();
  }

  @Override
  public List<TransitionOption> explain(String dealId) {
    Deal deal = get(dealId);
    SalesProcess definition = compiledFor(deal).process();
    requireStage(definition, deal);
    return definition.explain(deal, clock.instant());
  }

  // ---- listeners and logging

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
    return versions(processId).latest.process();
  }

  @Override
  public SalesProcess process(String processId, int version) {
    Versions versions = versions(processId);
    CompiledProcess process = versions.get(version);
    if (process == null) {
      throw new UnknownProcessException(processId, version, versions.byVersion.keySet());
    }
    return process.process();
  }

  private Versions versions(String processId) {
    Versions versions = compiled.get(Objects.requireNonNull(processId, "processId must not be null"));
    if (versions == null) {
      throw new UnknownProcessException(processId, compiled.keySet());
    }
    return versions;
  }

  @Override
  public Collection<SalesProcess> processes() {
    return all.stream().map(CompiledProcess::process).toList();
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
    all.forEach(CompiledProcess::close);
  }

  @Override
  public String toString() {
    return "DealEngine{" + name + ", processes=" + all.stream()
        .map(c -> c.process().id() + " v" + c.process().version()).toList() + "}";
  }

  private static String requireDealId(String dealId) {
    Objects.requireNonNull(dealId, "dealId must not be null");
    return Deal.Limits.requireId(dealId, "dealId");
  }
}
