package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
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
   */
  FireResult fire(String dealId, long expectedVersion, SalesEvent event);

  /**
   * Fires an event at a deal under an idempotency key, so that the call is safe to retry: if the deal's history already
   * holds a transition recorded with this key (the first try was stored, and only its answer got lost), that transition
   * is returned as accepted and nothing is applied a second time. Otherwise it behaves as
   * {@link #fire(String, SalesEvent)} and records the key with the transition, in the same store operation.
   *
   * <p>Use one key per intended change, for example a request id the client generates once and sends again on every
   * retry. A rejection records nothing, so a retry of a rejected event is decided afresh.
   *
   * @param dealId the id of a stored deal
   * @param event the event; on a retry it must have the same type as the first try's (its other fields, its time
   *     say, may differ: the first try's event stands)
   * @param idempotencyKey the key, unique per intended change of this deal; not blank
   * @return the accepted transition with the new snapshot (for a retry: the first try's record with the deal as it is
   *     now, equal to the first answer unless the deal moved on since), or the rejection with the unchanged deal
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if the key is blank, or was used on this deal for an event of another type
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult fire(String dealId, SalesEvent event, String idempotencyKey);

  /**
   * Fires an event at a deal only if it is still at {@code expectedVersion}, under an idempotency key: a retry whose
   * key is already in the deal's history gets that transition back as accepted, even though the version has moved
   * on since (the first try moved it). See {@link #fire(String, SalesEvent, String)}.
   *
   * @param dealId the id of a stored deal
   * @param expectedVersion the version the caller last saw
   * @param event the event; on a retry it must have the same type as the first try's
   * @param idempotencyKey the key, unique per intended change of this deal; not blank
   * @return the accepted transition, the first try's on a retry, or the rejection with the deal as stored
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if {@code expectedVersion} is negative, the key is blank, or it was used on this
   *     deal for an event of another type
   */
  FireResult fire(String dealId, long expectedVersion, SalesEvent event, String idempotencyKey);

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
   * @return one option for each transition from the deal's stage; empty in a terminal stage
   * @throws UnknownDealException if no deal has this id
   */
  default List<TransitionOption> explain(String dealId) {
    Deal deal = get(dealId);
    return process(deal.processId()).explain(deal, clock().instant());
  }

  /**
   * Returns the deal with the given id, if it exists.
   *
   * @param dealId the id to look up
   * @return the deal as stored, or empty if no deal has this id
   */
  Optional<Deal> find(String dealId);

  /**
   * Returns a process this engine runs.
   *
   * @param processId the id of a process the engine was built with
   * @return the process
   * @throws UnknownProcessException if it runs no process with this id
   */
  SalesProcess process(String processId);

  /** {@return the processes this engine runs, in the order they were added} */
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
    private final Map<String, SalesProcess> processes = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private DealStore store = DealStore.inMemory();
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 32;

    Builder(ProcessCompiler compiler) {
      this.compiler = Objects.requireNonNull(compiler, "compiler must not be null");
    }

    /**
     * Adds a process the engine runs.
     *
     * @param process a process whose id is new to this builder
     * @return this builder
     * @throws IllegalArgumentException if a process with the same id was added
     */
    public Builder process(SalesProcess process) {
      Objects.requireNonNull(process, "process must not be null");
      if (processes.putIfAbsent(process.id(), process) != null) {
        throw new IllegalArgumentException("process '" + process.id() + "' was already added");
      }
      return this;
    }

    /**
     * Adds several processes.
     *
     * @param processes processes whose ids are new to this builder
     * @return this builder
     * @throws IllegalArgumentException if a process with the same id was added
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
   * What to start: a deal id and its process, with optional initial facts, entry stage and idempotency key. Immutable;
   * each method returns a changed copy.
   *
   * <pre>{@code
   * engine.start(DealEngine.Start.of("D-42", "five-step").facts(facts).idempotencyKey("req-7f3a"));
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

    private Start(String dealId, String processId, DealFacts facts, @Nullable String entryStage,
        @Nullable String idempotencyKey) {
      this.dealId = dealId;
      this.processId = processId;
      this.facts = facts;
      this.entryStage = entryStage;
      this.idempotencyKey = idempotencyKey;
    }

    /**
     * Returns a start of a deal in its process's initial stage, with no facts and no key.
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
      return new Start(Deal.Limits.requireId(dealId, "dealId"), processId, DealFacts.none(), null, null);
    }

    /**
     * Returns this start with initial facts (the deal's source, say).
     *
     * @param facts what is known about the deal from the start
     * @return the changed copy
     */
    public Start facts(DealFacts facts) {
      return new Start(dealId, processId, Objects.requireNonNull(facts, "facts must not be null"), entryStage,
          idempotencyKey);
    }

    /**
     * Returns this start in a given open stage of the process, as a referred lead that skips the first steps does.
     *
     * @param entryStage an open or post-sale stage of the process
     * @return the changed copy
     */
    public Start entryStage(String entryStage) {
      return new Start(dealId, processId, facts, Objects.requireNonNull(entryStage, "entryStage must not be null"),
          idempotencyKey);
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
      return new Start(dealId, processId, facts, entryStage, Deal.Limits.requireId(idempotencyKey, "idempotencyKey"));
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

    @Override
    public String toString() {
      return "Start{deal=" + dealId + ", process=" + processId + (entryStage == null ? "" : ", stage=" + entryStage)
          + (idempotencyKey == null ? "" : ", key=" + idempotencyKey) + "}";
    }
  }

  /**
   * Hears what an engine does, after the fact. Register with {@link Builder#listener(Listener)} or
   * {@link DealEngine#addListener(Listener)}.
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
