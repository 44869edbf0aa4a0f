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
  Deal start(String dealId, String processId);

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
  Deal start(String dealId, String processId, DealFacts facts);

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
  Deal start(String dealId, String processId, DealFacts facts, String entryStage);

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
   * Hears what an engine does, after the fact. Register with {@link Builder#listener(Listener)} or
   * {@link DealEngine#addListener(Listener)}.
   *
   * <p>Listeners run on the thread that fired the event, after an accepted transition was stored; they must be quick
   * and thread-safe. An exception from a listener is logged and does not undo anything.
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
