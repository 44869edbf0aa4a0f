package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.SalesProcessException;
import io.salesflow.TransitionOption;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs deals through sales processes: starts them, fires events at them and records every accepted transition.
 *
 * <pre>{@code
 * DealEngine engine = DealEngine.tableEngine().process(process).build();
 * engine.start("D-42", process.id());
 * FireResult result = engine.fire("D-42", new SalesEvent.ContactMade(now, ContactChannel.PHONE));
 * }</pre>
 *
 * <p>An engine runs one or several versions of each of its processes: a deal is started on the latest (unless
 * {@link Start#processVersion(int)} says otherwise) and every event is decided by the version the deal runs on, until
 * a {@link SalesProcess.MigrationPlan migration} moves it to the next.
 *
 * <p>Every event is accepted or rejected with its reasons; nothing is silently denied. An accepted event updates
 * the deal's stage, facts, version and history in one atomic store operation. Rejections never change anything.
 *
 * <p>Engines are thread-safe: any number of threads may fire events at any deals. Events at the same deal are
 * serialised by the store's version check; on a conflict the engine reloads the deal and decides again, so no
 * accepted transition is ever lost or applied twice.
 *
 * @since 0.1
 */
public interface DealEngine extends AutoCloseable {

  /** {@return a builder for the built-in table engine, which evaluates process definitions directly} */
  static Builder tableEngine() {
    return builder(TableCompiler.INSTANCE);
  }


  /**
   * Returns a builder for an engine that decides with {@code compiler}; see {@link ProcessCompiler}.
   *
   * @param compiler compiles each process once, when the engine is built
   * @return a builder with no processes, an in-memory store and the UTC system clock
   */
  static Builder builder(ProcessCompiler compiler) {
    return new Builder(compiler);
  }

  /** {@return the engine's name, for example {@code "table"} or {@code "spring-statemachine"}} */
  String name();

  /**
   * Starts a deal in its process's initial stage, with no facts.
   *
   * @param dealId the new deal's id, unique within the store; not blank
   * @param processId the id of a process this engine runs
   * @return the stored deal, at version 0
   * @throws UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if a deal with this id exists
   * @throws IllegalArgumentException if {@code dealId} is blank
   */
  default Deal start(String dealId, String processId) {
    return start(Start.of(dealId, processId));
  }

  /**
   * Starts a deal in its process's initial stage with initial facts (its source, say).
   *
   * @param dealId the new deal's id, unique within the store; not blank
   * @param processId the id of a process this engine runs
   * @param facts what is known about the deal from the start
   * @return the stored deal, at version 0
   * @throws UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if a deal with this id exists
   * @throws IllegalArgumentException if {@code dealId} is blank
   */
  default Deal start(String dealId, String processId, DealFacts facts) {
    return start(Start.of(dealId, processId).facts(facts));
  }

  /**
   * Starts a deal in a given open stage of its process, as a referred lead that skips the first steps does.
   *
   * @param dealId the new deal's id, unique within the store; not blank
   * @param processId the id of a process this engine runs
   * @param facts what is known about the deal from the start
   * @param entryStage an open or post-sale stage of the process
   * @return the stored deal, at version 0, with no history
   * @throws IllegalArgumentException if the process has no such stage or it is won or lost, or {@code dealId} is
   *     blank
   * @throws UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if a deal with this id exists
   */
  default Deal start(String dealId, String processId, DealFacts facts, String entryStage) {
    return start(Start.of(dealId, processId).facts(facts).entryStage(entryStage));
  }

  /**
   * Starts a deal as {@code start} describes: in its process's initial stage unless it names an entry stage, with its
   * facts, and under its idempotency key if it has one.
   *
   * <p>A start with a key is safe to retry: if a deal with the same id was already started with the same key (the
   * first try was stored, and only its answer got lost), the stored deal is returned and nothing is written.
   *
   * <pre>{@code
   * Deal deal = engine.start(DealEngine.Start.of("D-42", "five-step").idempotencyKey(requestId));
   * }</pre>
   *
   * @param start what to start
   * @return the stored deal, at version 0; or, for a retried start with the same key, the deal as stored now
   * @throws UnknownProcessException if the engine does not run the process
   * @throws IllegalArgumentException if the process has no such entry stage or it is won or lost
   * @throws DuplicateDealException if a deal with this id exists and was not started with the same key
   */
  Deal start(Start start);

  /**
   * Fires an event at a deal and returns whether it was accepted, with the new snapshot, or rejected, with every
   * reason. Concurrent changes to the deal are retried internally.
   *
   * @param dealId the id of a stored deal
   * @param event the event, whose type selects the transitions and whose payload becomes facts if accepted
   * @return the accepted transition with the new snapshot, or the rejection with the unchanged deal
   * @throws UnknownDealException if no deal has this id
   * @throws StrandedDealException if the deal runs on a process version this engine does not have, or is in a stage
   *     that version does not have
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult fire(String dealId, SalesEvent event);

  /**
   * Fires an event at a deal only if it is still at {@code expectedVersion}, as a user interface that showed that
   * version does. A different stored version gives a {@link FireResult.RejectionKind#STALE_VERSION} rejection, not a
   * retry.
   *
   * @param dealId the id of a stored deal
   * @param expectedVersion the version the caller last saw
   * @param event the event, whose type selects the transitions and whose payload becomes facts if accepted
   * @return the accepted transition with the new snapshot, or the rejection with the deal as stored
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if {@code expectedVersion} is negative
   * @throws StrandedDealException if the deal runs on a process version this engine does not have, or is in a stage
   *     that version does not have
   */
  FireResult fire(String dealId, long expectedVersion, SalesEvent event);

  /**
   * Fires an event at a deal with options: who fired it, an idempotency key that makes the call safe to retry, and the
   * version the caller expects the deal at.
   *
   * <pre>{@code
   * engine.fire("D-42", event, DealEngine.Fire.by("rep-ann").idempotencyKey(requestId));
   * }</pre>
   *
   * <p>The actor is recorded with the transition; without one the transition's actor is unknown. With an expected
   * version, a different stored version gives a {@link FireResult.RejectionKind#STALE_VERSION} rejection, not a retry,
   * as {@link #fire(String, long, SalesEvent)} does.
   *
   * <p>With an idempotency key, if the deal's history already holds a transition recorded with that key (the first
   * try was stored, and only its answer got lost), that transition is returned as accepted and nothing is applied a
   * second time, even when an expected version has moved on since (the first try moved it). Otherwise the key is
   * recorded with the transition, in the same store operation. Use one key per intended change, for example a request
   * id the client generates once and sends again on every retry. A rejection records nothing, so a retry of a rejected
   * event is decided afresh.
   *
   * @param dealId the id of a stored deal
   * @param event the event; on a retry under a key it must have the same type as the first try's (its other fields,
   *     its time say, may differ: the first try's event stands)
   * @param options who fires it, its idempotency key and the expected version, each optional
   * @return the accepted transition with the new snapshot (for a retry: the first try's record with the deal as it is
   *     now, equal to the first answer unless the deal moved on since), or the rejection with the deal as stored
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if the key was used on this deal for an event of another type
   * @throws StrandedDealException if the deal runs on a process version this engine does not have, or is in a stage
   *     that version does not have
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult fire(String dealId, SalesEvent event, Fire options);

  /**
   * Moves a deal to another stage of its process version past the process's rules: no guard is asked and no
   * transition needs to exist, and a won or lost deal may be reopened. The move is recorded in the deal's history as
   * a {@link SalesEvent.StageOverridden} with who made it and why (and whether it reopened the deal), in the same
   * atomic store operation as the stage change, and listeners hear it through
   * {@link Listener#onTransition(FireResult.Accepted)}. The facts do not change.
   *
   * <p>This is how a sales manager moves a deal the rules would block; never write to the store behind the engine's
   * back. Funnel reports count overrides apart from the conversions guards allowed.
   *
   * <p>A retry of an override that was applied fails because the deal is in the stage already, or moves it again if
   * it changed in between; to retry safely, give the override an idempotency key with
   * {@link #override(String, Fire, String, String)}.
   *
   * @param dealId the id of a stored deal
   * @param targetStage a stage of the deal's process version, other than the one it is in
   * @param actor who made the override, a user id or a system name; null records it as unknown
   * @param reason why, in a sentence; not blank
   * @return the recorded override with the new snapshot
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if the deal's process version has no such stage, the deal is in it already, the
   *     reason is blank, or the actor is blank or too long
   * @throws StrandedDealException if the deal runs on a process version this engine does not have
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult.Accepted override(String dealId, String targetStage, @Nullable String actor, String reason);

  /**
   * Gives a deal a new owner, the rep responsible for it. The change is recorded in the deal's history as a
   * {@link SalesEvent.OwnerAssigned} (an internal record: the deal stays in its stage) with the previous owner and who
   * made the change, and listeners hear it through {@link Listener#onTransition(FireResult.Accepted)}.
   *
   * <p>A retry of a change that was applied fails because the deal has the owner already; to retry safely, give the
   * change an idempotency key with {@link #assignOwner(String, Fire, String)}.
   *
   * @param dealId the id of a stored deal
   * @param owner the new owner's user id or name; not blank
   * @param actor who made the change; null records it as unknown
   * @return the recorded change with the new snapshot
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if the deal has this owner already, or the owner or actor is blank or too long
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult.Accepted assignOwner(String dealId, String owner, @Nullable String actor);

  /**
   * Moves a deal to another stage past the process's rules, as {@link #override(String, String, String, String)}
   * does, with options: who made the override, an idempotency key that makes the call safe to retry, and the version
   * the caller expects the deal at.
   *
   * <pre>{@code
   * engine.override("D-42", DealEngine.Fire.by("manager-max").idempotencyKey(requestId), "won", "signed on paper");
   * }</pre>
   *
   * <p>The options work as they do for {@link #fire(String, SalesEvent, Fire)}: the actor and the key are recorded
   * with the override, in the same store operation. If the deal's history already holds an override recorded with
   * that key (the first try was stored, and only its answer got lost), that record is returned as accepted with the
   * deal as it is now, nothing is written and listeners are not called again, even when the deal has moved on since
   * (into the target stage, say, or out of it). With an expected version, a different stored version gives a
   * {@link FireResult.RejectionKind#STALE_VERSION} rejection, which listeners hear, and changes nothing.
   *
   * @param dealId the id of a stored deal
   * @param options who makes the override, its idempotency key and the expected version, each optional; without an
   *     actor it is recorded as unknown
   * @param targetStage a stage of the deal's process version, other than the one it is in; on a retry under a key,
   *     the first try's
   * @param reason why, in a sentence; not blank (on a retry, the first try's reason stands)
   * @return the recorded override with the new snapshot (for a retry: the first try's record with the deal as it is
   *     now), or the {@link FireResult.RejectionKind#STALE_VERSION} rejection with the deal as stored
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if the key was used on this deal for another change (an event, an override to
   *     another stage, a new owner), the deal's process version has no such stage, the deal is in it already, or the
   *     reason is blank
   * @throws StrandedDealException if the deal runs on a process version this engine does not have
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   * @throws UnsupportedOperationException if this engine is not the core's runtime and implements neither keys nor
   *     expected versions for overrides, and the options have one
   * @since 0.1
   */
  default FireResult override(String dealId, Fire options, String targetStage, String reason) {
    return override(dealId, targetStage, Fire.plain(options, this, "override"), reason);
  }

  /**
   * Gives a deal a new owner, as {@link #assignOwner(String, String, String)} does, with options: who made the
   * change, an idempotency key that makes the call safe to retry, and the version the caller expects the deal at.
   *
   * <pre>{@code
   * engine.assignOwner("D-42", DealEngine.Fire.by("manager-max").idempotencyKey(requestId), "rep-bob");
   * }</pre>
   *
   * <p>The options work as they do for {@link #fire(String, SalesEvent, Fire)}: the actor and the key are recorded
   * with the change, in the same store operation. If the deal's history already holds a change of owner recorded with
   * that key (the first try was stored, and only its answer got lost), that record is returned as accepted with the
   * deal as it is now, nothing is written and listeners are not called again, even when another owner was assigned
   * since. With an expected version, a different stored version gives a
   * {@link FireResult.RejectionKind#STALE_VERSION} rejection, which listeners hear, and changes nothing.
   *
   * @param dealId the id of a stored deal
   * @param options who makes the change, its idempotency key and the expected version, each optional; without an
   *     actor it is recorded as unknown
   * @param owner the new owner's user id or name; not blank; on a retry under a key, the first try's
   * @return the recorded change with the new snapshot (for a retry: the first try's record with the deal as it is
   *     now), or the {@link FireResult.RejectionKind#STALE_VERSION} rejection with the deal as stored
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if the key was used on this deal for another change (an event, an override, a
   *     different owner), the deal has this owner already, or the owner is blank or too long
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   * @throws UnsupportedOperationException if this engine is not the core's runtime and implements neither keys nor
   *     expected versions for changes of owner, and the options have one
   * @since 0.1
   */
  default FireResult assignOwner(String dealId, Fire options, String owner) {
    return assignOwner(dealId, owner, Fire.plain(options, this, "assignOwner"));
  }

  /**
   * Moves one deal to the next version of its process by {@code plan}: to the stage the plan maps its stage to, with
   * the plan's change of facts, on the new version from then on. The migration is recorded in the deal's history as a
   * {@link SalesEvent.DealMigrated} (from version and stage, to version and stage, who and why), in the same atomic
   * store operation, and listeners hear it. Concurrent changes to the deal are retried.
   *
   * <p>A deal already migrated by the plan (a retry, or a second run) gets its recorded migration back and nothing is
   * written. A deal whose new stage requires a field it does not have is refused ({@link
   * FireResult.RejectionKind#GUARD_DENIED}, reasons naming each field, nothing written) or moved with the missing
   * fields recorded as the migration's exceptions, as the plan says.
   *
   * @param dealId the id of a stored deal of the plan's process
   * @param plan the plan from the deal's version to the next; the engine must run the next version
   * @param actor who ran the migration; null records it as unknown
   * @param reason why, in a sentence; not blank
   * @return the recorded migration with the new snapshot, or the refusal with the deal as stored
   * @throws UnknownDealException if no deal has this id
   * @throws UnknownProcessException if the engine does not run the plan's new version
   * @throws IllegalArgumentException if the deal runs on another process or version than the plan's old one, is in a
   *     stage that version does not have, the reason is blank, or the actor is blank or too long
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult migrate(String dealId, SalesProcess.MigrationPlan plan, @Nullable String actor, String reason);

  /**
   * Migrates every stored deal of the plan's old version, as {@link #migrate} does each, in batches of 500, and
   * returns what it did. See {@link #migrateAll(SalesProcess.MigrationPlan, String, String, int, Consumer)}.
   *
   * @param plan the plan; the engine must run its new version
   * @param actor who ran the migration; null records it as unknown
   * @param reason why, in a sentence; not blank
   * @return how many deals were migrated and which were refused, and why
   * @throws UnknownProcessException if the engine does not run the plan's new version
   */
  default MigrationProgress migrateAll(SalesProcess.MigrationPlan plan, @Nullable String actor, String reason) {
    return migrateAll(plan, actor, reason, 500, progress -> { });
  }

  /**
   * Migrates every stored deal of the plan's old version, batch by batch, as {@link #migrate} does each, and reports
   * progress after every batch.
   *
   * <p>Resumable: a run that stopped half-way (a crash, a shutdown) is finished by running it again, because the
   * deals it migrated already run on the new version and are no longer selected; no deal is migrated twice. Safe
   * against concurrent events: each deal is migrated under the store's version check and retried when an event
   * changed it meanwhile, and an event fired after a deal's migration runs on the new version. Several nodes may run
   * the same plan at once; a deal another node migrated first counts as {@link MigrationProgress#alreadyMigrated()}.
   * Deals the plan refuses stay on the old version and are listed, with the reasons; a later run tries them again.
   *
   * @param plan the plan; the engine must run its new version
   * @param actor who ran the migration; null records it as unknown
   * @param reason why, in a sentence; not blank
   * @param batchSize how many deals to read from the store at a time, at least 1
   * @param progress told what was done so far after every batch, on the calling thread; the last report is
   *     {@link MigrationProgress#finished() finished}
   * @return the final progress, {@link MigrationProgress#finished() finished}
   * @throws UnknownProcessException if the engine does not run the plan's new version
   * @throws IllegalArgumentException if the batch size is less than 1, the reason is blank, or the actor is blank or
   *     too long
   * @throws io.salesflow.DealVersionConflictException if a deal kept changing concurrently and retries ran out; the
   *     deals before it are migrated, and running the plan again carries on
   */
  MigrationProgress migrateAll(SalesProcess.MigrationPlan plan, @Nullable String actor, String reason, int batchSize,
      Consumer<? super MigrationProgress> progress);

  /**
   * Returns the deal with the given id.
   *
   * @param dealId the id of a stored deal
   * @return the deal as stored
   * @throws UnknownDealException if no deal has this id
   */
  Deal get(String dealId);

  /**
   * Answers "what is blocking this deal?" at the engine clock's current instant: every transition from the deal's
   * stage, whether it is allowed now and, if not, every unmet condition. See
   * {@link SalesProcess#explain(Deal, java.time.Instant)}.
   *
   * @param dealId the id of a stored deal
   * @return one option for each transition from the deal's stage, in the deal's process version; empty in a terminal
   *     stage
   * @throws UnknownDealException if no deal has this id
   * @throws StrandedDealException if the deal runs on a process version this engine does not have, or is in a stage
   *     that version does not have
   */
  default List<TransitionOption> explain(String dealId) {
    Deal deal = get(dealId);
    return process(deal.processId(), deal.processVersion()).explain(deal, clock().instant());
  }

  /**
   * Returns the deal with the given id, if it exists.
   *
   * @param dealId the id to look up
   * @return the deal as stored, or empty if no deal has this id
   */
  Optional<Deal> find(String dealId);

  /**
   * Returns the latest version of a process this engine runs: the one new deals start on.
   *
   * @param processId the id of a process the engine was built with
   * @return the process's highest version
   * @throws UnknownProcessException if it runs no process with this id
   */
  SalesProcess process(String processId);

  /**
   * Returns one version of a process this engine runs.
   *
   * @param processId the id of a process the engine was built with
   * @param version a version of it the engine was built with
   * @return that version of the process
   * @throws UnknownProcessException if it runs no such process or version; the message lists the versions it has
   */
  SalesProcess process(String processId, int version);

  /** {@return the processes this engine runs, every version of each, in the order they were added} */
  Collection<SalesProcess> processes();

  /** {@return the store deals are kept in} */
  DealStore store();

  /** {@return the clock the engine stamps transitions with and judges time-based guards by} */
  Clock clock();

  /**
   * Adds a listener; it hears every later start, transition and rejection.
   *
   * @param listener the listener, called on the thread that started the deal or fired the event
   */
  void addListener(Listener listener);

  /**
   * Removes a listener added earlier; does nothing if it was not added.
   *
   * @param listener the listener to remove
   */
  void removeListener(Listener listener);

  /** Releases what the engine's compiled processes hold. The store is not closed. */
  @Override
  void close();

  /**
   * Configures a {@link DealEngine}. Obtain one from {@link DealEngine#tableEngine()} or an engine module. Not
   * thread-safe; the engine it builds is.
   *
   * @since 0.1
   */
  final class Builder {
    private final ProcessCompiler compiler;
    private final Map<String, SalesProcess> processes = new LinkedHashMap<>(); // by id and version
    private final List<Listener> listeners = new ArrayList<>();
    private DealStore store = DealStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 32;

    Builder(ProcessCompiler compiler) {
      this.compiler = Objects.requireNonNull(compiler, "compiler must not be null");
    }

    /**
     * Adds a process the engine runs, or another version of one. New deals start on the highest version of their
     * process; deals on an older version keep running on it until they are migrated.
     *
     * @param process a process whose id and version are new to this builder
     * @return this builder
     * @throws IllegalArgumentException if a process with the same id and version was added
     */
    public Builder process(SalesProcess process) {
      Objects.requireNonNull(process, "process must not be null");
      if (processes.putIfAbsent(process.id() + "@" + process.version(), process) != null) {
        throw new IllegalArgumentException("version " + process.version() + " of process '" + process.id()
            + "' was already added; give a changed definition the next version (SalesProcess.Builder.version)");
      }
      return this;
    }

    /**
     * Adds several processes.
     *
     * @param processes processes whose ids and versions are new to this builder
     * @return this builder
     * @throws IllegalArgumentException if a process with the same id and version was added
     */
    public Builder processes(Iterable<SalesProcess> processes) {
      Objects.requireNonNull(processes, "processes must not be null").forEach(this::process);
      return this;
    }

    /**
     * Sets the store; defaults to a new {@link DealStore#inMemory() in-memory store}.
     *
     * @param store the store deals are kept in; closing the engine does not close it
     * @return this builder
     */
    public Builder store(DealStore store) {
      this.store = Objects.requireNonNull(store, "store must not be null");
      return this;
    }

    /**
     * Sets the clock transitions are stamped with; defaults to {@link Clock#systemUTC()}.
     *
     * @param clock the clock, which time-based guards also judge by
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener, which hears every start, transition and rejection of the engine
     * @return this builder
     */
    public Builder listener(Listener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
      return this;
    }

    /**
     * Sets how often {@link DealEngine#fire(String, io.salesflow.SalesEvent)} tries when the deal changes concurrently
     * before it gives up with a {@link io.salesflow.DealVersionConflictException}; defaults to 32.
     *
     * @param maxAttempts the number of tries, the first included; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Compiles every process and builds the engine.
     *
     * @return the engine, thread-safe
     * @throws IllegalStateException if no process was added
     */
    public DealEngine build() {
      if (processes.isEmpty()) {
        throw new IllegalStateException("add at least one process before building the engine");
      }
      return new StandardDealEngine(compiler, List.copyOf(processes.values()), store, clock, listeners, maxAttempts);
    }
  }

  /**
   * What to start: a deal id and its process, with optional initial facts, entry stage, process version, owner, actor
   * and idempotency key. Immutable; each method returns a changed copy.
   *
   * <pre>{@code
   * engine.start(DealEngine.Start.of("D-42", "five-step").facts(facts).owner("rep-ann").actor("web-form")
   *     .idempotencyKey("req-7f3a"));
   * }</pre>
   *
   * @since 0.1
   */
  final class Start {
    private final String dealId;
    private final String processId;
    private final DealFacts facts;
    private final @Nullable String entryStage;
    private final @Nullable String idempotencyKey;
    private final int processVersion; // 0: the latest
    private final @Nullable String owner;
    private final @Nullable String actor;

    private Start(String dealId, String processId, DealFacts facts, @Nullable String entryStage,
        @Nullable String idempotencyKey, int processVersion, @Nullable String owner, @Nullable String actor) {
      this.dealId = dealId;
      this.processId = processId;
      this.facts = facts;
      this.entryStage = entryStage;
      this.idempotencyKey = idempotencyKey;
      this.processVersion = processVersion;
      this.owner = owner;
      this.actor = actor;
    }

    /**
     * Returns a start of a deal in the initial stage of its process's latest version, with no facts, owner, actor or
     * key.
     *
     * @param dealId the new deal's id, unique within the store; not blank
     * @param processId the id of a process the engine runs
     * @return the start
     * @throws IllegalArgumentException if {@code dealId} is outside {@link Deal.Limits}: blank, too long, or holding
     *     a control or invisible character
     */
    public static Start of(String dealId, String processId) {
      Objects.requireNonNull(dealId, "dealId must not be null");
      Objects.requireNonNull(processId, "processId must not be null");
      return new Start(Deal.Limits.requireId(dealId, "dealId"), processId, DealFacts.none(), null, null, 0, null,
          null);
    }

    /**
     * Returns this start with initial facts (the deal's source, say).
     *
     * @param facts what is known about the deal from the start
     * @return the changed copy
     */
    public Start facts(DealFacts facts) {
      return new Start(dealId, processId, Objects.requireNonNull(facts, "facts must not be null"), entryStage,
          idempotencyKey, processVersion, owner, actor);
    }

    /**
     * Returns this start in a given open stage of the process, as a referred lead that skips the first steps does.
     *
     * @param entryStage an open or post-sale stage of the process
     * @return the changed copy
     */
    public Start entryStage(String entryStage) {
      return new Start(dealId, processId, facts, Objects.requireNonNull(entryStage, "entryStage must not be null"),
          idempotencyKey, processVersion, owner, actor);
    }

    /**
     * Returns this start under an idempotency key, so that it is safe to retry: see {@link DealEngine#start(Start)}.
     *
     * @param idempotencyKey the key, for example the id of the request that asked for the deal; not blank
     * @return the changed copy
     * @throws IllegalArgumentException if the key is outside {@link Deal.Limits}, as a deal id
     */
    public Start idempotencyKey(String idempotencyKey) {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
      return new Start(dealId, processId, facts, entryStage, Deal.Limits.requireId(idempotencyKey, "idempotencyKey"),
          processVersion, owner, actor);
    }

    /**
     * Returns this start on a given version of the process instead of the latest, for a team that has not moved to
     * the latest version yet.
     *
     * @param processVersion a version of the process the engine runs
     * @return the changed copy
     * @throws IllegalArgumentException if {@code processVersion} is less than 1
     */
    public Start processVersion(int processVersion) {
      if (processVersion < 1) {
        throw new IllegalArgumentException("processVersion must be at least 1, but was " + processVersion);
      }
      return new Start(dealId, processId, facts, entryStage, idempotencyKey, processVersion, owner, actor);
    }

    /**
     * Returns this start with an owner, the rep responsible for the deal; {@link DealEngine#assignOwner} changes it
     * later.
     *
     * @param owner the owner's user id or name; not blank, at most 255 characters
     * @return the changed copy
     * @throws IllegalArgumentException if {@code owner} is blank, too long or holds control characters
     */
    public Start owner(String owner) {
      return new Start(dealId, processId, facts, entryStage, idempotencyKey, processVersion,
          EngineChecks.name(owner, "owner"), actor);
    }

    /**
     * Returns this start with who started the deal, kept as {@link Deal#startedBy()}; without one it is unknown.
     *
     * @param actor a user id or the name of a system; not blank, at most 255 characters
     * @return the changed copy
     * @throws IllegalArgumentException if {@code actor} is blank, too long or holds control characters
     */
    public Start actor(String actor) {
      return new Start(dealId, processId, facts, entryStage, idempotencyKey, processVersion, owner,
          EngineChecks.name(actor, "actor"));
    }

    /** {@return the new deal's id} */
    public String dealId() {
      return dealId;
    }

    /** {@return the id of the deal's process} */
    public String processId() {
      return processId;
    }

    /** {@return the deal's initial facts} */
    public DealFacts facts() {
      return facts;
    }

    /** {@return the stage to start in; empty for the process's initial stage} */
    public Optional<String> entryStage() {
      return Optional.ofNullable(entryStage);
    }

    /** {@return the idempotency key, if any} */
    public Optional<String> idempotencyKey() {
      return Optional.ofNullable(idempotencyKey);
    }

    /** {@return the process version to start on; empty for the latest one the engine runs} */
    public OptionalInt processVersion() {
      return processVersion == 0 ? OptionalInt.empty() : OptionalInt.of(processVersion);
    }

    /** {@return the deal's owner, if any} */
    public Optional<String> owner() {
      return Optional.ofNullable(owner);
    }

    /** {@return who starts the deal, if said} */
    public Optional<String> actor() {
      return Optional.ofNullable(actor);
    }

    @Override
    public String toString() {
      return "Start{deal=" + dealId + ", process=" + processId
          + (processVersion == 0 ? "" : " v" + processVersion)
          + (entryStage == null ? "" : ", stage=" + entryStage)
          + (owner == null ? "" : ", owner=" + owner)
          + (actor == null ? "" : ", by=" + actor)
          + (idempotencyKey == null ? "" : ", key=" + idempotencyKey) + "}";
    }
  }

  /**
   * How to fire one event: who fires it, under which idempotency key, at which expected version; each optional.
   * {@link DealEngine#override(String, Fire, String, String) Overrides} and
   * {@link DealEngine#assignOwner(String, Fire, String) changes of owner} take the same options. Immutable; each
   * method returns a changed copy.
   *
   * <pre>{@code
   * engine.fire("D-42", event, DealEngine.Fire.by("rep-ann"));
   * engine.fire("D-42", event, DealEngine.Fire.by("rep-ann").idempotencyKey(requestId).expectedVersion(7));
   * engine.fire("D-42", event, DealEngine.Fire.options().idempotencyKey(requestId)); // actor unknown
   * }</pre>
   *
   * @since 0.1
   */
  final class Fire {
    private static final Fire NONE = new Fire(null, null, -1);

    private final @Nullable String actor;
    private final @Nullable String idempotencyKey;
    private final long expectedVersion; // -1: any

    private Fire(@Nullable String actor, @Nullable String idempotencyKey, long expectedVersion) {
      this.actor = actor;
      this.idempotencyKey = idempotencyKey;
      this.expectedVersion = expectedVersion;
    }

    /** {@return options with nothing set: the actor is unknown, no key, any version} */
    public static Fire options() {
      return NONE;
    }

    /**
     * Returns options naming who fires the event.
     *
     * @param actor a user id or the name of a system; not blank, at most 255 characters
     * @return the options
     * @throws IllegalArgumentException if {@code actor} is blank, too long or holds control characters
     */
    public static Fire by(String actor) {
      return NONE.actor(actor);
    }

    /**
     * Returns these options with who fires the event, recorded with the transition.
     *
     * @param actor a user id or the name of a system; not blank, at most 255 characters
     * @return the changed copy
     * @throws IllegalArgumentException if {@code actor} is blank, too long or holds control characters
     */
    public Fire actor(String actor) {
      return new Fire(EngineChecks.name(actor, "actor"), idempotencyKey, expectedVersion);
    }

    /**
     * Returns these options with an idempotency key, which makes the call safe to retry: see
     * {@link DealEngine#fire(String, SalesEvent, Fire)}.
     *
     * @param idempotencyKey the key, unique per intended change of the deal; not blank
     * @return the changed copy
     * @throws IllegalArgumentException if the key is outside {@link Deal.Limits}, as a deal id
     */
    public Fire idempotencyKey(String idempotencyKey) {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
      return new Fire(actor, Deal.Limits.requireId(idempotencyKey, "idempotencyKey"), expectedVersion);
    }

    /**
     * Returns these options with the version the caller expects the deal at: a different stored version gives a
     * {@link FireResult.RejectionKind#STALE_VERSION} rejection instead of a retry.
     *
     * @param expectedVersion the version the caller last saw; not negative
     * @return the changed copy
     * @throws IllegalArgumentException if {@code expectedVersion} is negative
     */
    public Fire expectedVersion(long expectedVersion) {
      if (expectedVersion < 0) {
        throw new IllegalArgumentException("expectedVersion must not be negative, but was " + expectedVersion);
      }
      return new Fire(actor, idempotencyKey, expectedVersion);
    }

    /**
     * The actor of options that hold nothing else, for an engine that implements administrative changes only without
     * them; options with a key or an expected version are refused rather than ignored.
     */
    static @Nullable String plain(Fire options, DealEngine engine, String method) {
      Objects.requireNonNull(options, "options must not be null");
      if (options.idempotencyKey != null || options.expectedVersion >= 0) {
        throw new UnsupportedOperationException("engine '" + engine.name() + "' does not implement " + method
            + " with an idempotency key or an expected version (" + options + "); implement " + method
            + "(String, DealEngine.Fire, ...) in it, or call it without them");
      }
      return options.actor;
    }

    /** {@return who fires the event, if said} */
    public Optional<String> actor() {
      return Optional.ofNullable(actor);
    }

    // the runtime reads the options without wrapping them: it does so for every event fired with options

    @Nullable String actorOrNull() {
      return actor;
    }

    @Nullable String keyOrNull() {
      return idempotencyKey;
    }

    long expectedVersionOrAny() {
      return expectedVersion;
    }

    /** {@return the idempotency key, if any} */
    public Optional<String> idempotencyKey() {
      return Optional.ofNullable(idempotencyKey);
    }

    /** {@return the version the deal is expected at, if any} */
    public OptionalLong expectedVersion() {
      return expectedVersion < 0 ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Fire that && Objects.equals(actor, that.actor)
          && Objects.equals(idempotencyKey, that.idempotencyKey) && expectedVersion == that.expectedVersion;
    }

    @Override
    public int hashCode() {
      return Objects.hash(actor, idempotencyKey, expectedVersion);
    }

    @Override
    public String toString() {
      return "Fire{by=" + (actor == null ? "unknown" : actor)
          + (idempotencyKey == null ? "" : ", key=" + idempotencyKey)
          + (expectedVersion < 0 ? "" : ", expectedVersion=" + expectedVersion) + "}";
    }
  }

  /**
   * What a bulk migration ({@link DealEngine#migrateAll}) has done so far, or in all once {@link #finished()}.
   *
   * @param processId the process whose deals are migrated
   * @param fromVersion the version they are moved from
   * @param toVersion the version they are moved to
   * @param batches how many batches were read from the store
   * @param migrated how many deals this run migrated
   * @param alreadyMigrated how many deals read on the old version had been migrated meanwhile, by another node
   * @param refused the deals the plan refused, or the store could not read, which stay on the old version, with the
   *     reasons
   * @param finished whether every deal of the old version has been read
   * @since 0.1
   */
  record MigrationProgress(String processId, int fromVersion, int toVersion, long batches, long migrated,
      long alreadyMigrated, List<Refusal> refused, boolean finished) {
    /**
     * Checks the counts and copies the refusals.
     *
     * @param processId the process whose deals are migrated
     * @param fromVersion the version they are moved from
     * @param toVersion the version they are moved to
     * @param batches how many batches were read
     * @param migrated how many deals this run migrated
     * @param alreadyMigrated how many had been migrated meanwhile by another node
     * @param refused the deals the plan refused
     * @param finished whether every deal of the old version has been read
     * @throws IllegalArgumentException if a count is negative
     */
    public MigrationProgress {
      Objects.requireNonNull(processId, "processId must not be null");
      refused = List.copyOf(refused);
      if (batches < 0 || migrated < 0 || alreadyMigrated < 0) {
        throw new IllegalArgumentException("counts must not be negative: " + batches + " batches, " + migrated
            + " migrated, " + alreadyMigrated + " already migrated");
      }
    }

    @Override
    public String toString() {
      return "migration of process '" + processId + "' from version " + fromVersion + " to " + toVersion + ": "
          + migrated + " deals migrated, " + alreadyMigrated + " already migrated, " + refused.size() + " refused"
          + " in " + batches + " batch" + (batches == 1 ? "" : "es") + (finished ? ", finished" : ", going on");
    }

    /**
     * A deal a migration plan refused, or the store could not read: it stays on the old version.
     *
     * @param dealId the deal's id
     * @param stage the stage it is in, of the old version; null when the store could not read the deal
     * @param reasons why, each a sentence
     * @since 0.1
     */
    public record Refusal(String dealId, @Nullable String stage, List<String> reasons) {
      /**
       * Checks the components and copies the reasons.
       *
       * @param dealId the deal's id
       * @param stage the stage it is in, or null when the deal could not be read
       * @param reasons why; at least one
       * @throws IllegalArgumentException if there are no reasons
       */
      public Refusal {
        Objects.requireNonNull(dealId, "dealId must not be null");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
          throw new IllegalArgumentException("a refusal needs at least one reason");
        }
      }
    }
  }

  /**
   * Thrown when a stored deal cannot run on this engine: it runs on a process, or a version of one, the engine was not
   * built with, or it is in a stage its version does not have (the definition registered under that version changed
   * under running deals). The message names the deal, its version and what to register or migrate; nothing was
   * changed.
   *
   * @since 0.1
   */
  final class StrandedDealException extends SalesProcessException {
    private static final long serialVersionUID = 1L;

    /** The version of its process the deal runs on. */
    private final int processVersion;
    /** The stage the deal is in. */
    private final String stage;

    StrandedDealException(String message, Deal deal) {
      super(message, deal.processId(), deal.id());
      this.processVersion = deal.processVersion();
      this.stage = deal.stage();
    }

    /** {@return the version of its process the deal runs on} */
    public int processVersion() {
      return processVersion;
    }

    /** {@return the stage the deal is in} */
    public String stage() {
      return stage;
    }
  }

  /**
   * Hears what an engine does, after the fact. Register with {@link Builder#listener(Listener)} or
   * {@link DealEngine#addListener(Listener)}.
   *
   * <p>Administrative changes (an {@link DealEngine#override override}, a {@link DealEngine#migrate migration}, a
   * new {@link DealEngine#assignOwner owner}) reach {@link #onTransition} like any accepted event, since they are
   * records of the deal's history too; {@link io.salesflow.TransitionRecord#administrative()} tells them apart, and
   * a migration a plan refused, or an override or change of owner made at a stale expected version, reaches
   * {@link #onRejection}. A retry under an idempotency key that returns the first try's record is not heard again.
   *
   * <p>Listeners run on the thread that fired the event, after an accepted transition was stored; they must be quick
   * and thread-safe. Whatever a listener throws, {@link Error}s included, is logged at WARN with the deal's id and
   * changes nothing: the caller still gets the result that was stored and the later listeners still run. Only a
   * {@link VirtualMachineError} (out of memory, say) is passed on, after the result was stored, as the JVM cannot be
   * trusted to continue.
   *
   * @since 0.1
   */
  interface Listener {

    /**
     * Called after a deal was started and stored.
     *
     * @param deal the deal as stored, at version 0
     */
    default void onStarted(io.salesflow.Deal deal) {}

    /**
     * Called after an accepted transition was stored.
     *
     * @param accepted the new snapshot and the recorded transition
     */
    default void onTransition(FireResult.Accepted accepted) {}

    /**
     * Called after an event was rejected.
     *
     * @param rejected the unchanged deal, the event and every reason
     */
    default void onRejection(FireResult.Rejected rejected) {}
  }
}
