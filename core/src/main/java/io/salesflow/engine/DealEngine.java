package io.salesflow.engine;

import io.salesflow.Deal;
import io.salesflow.DealFacts;
import io.salesflow.DuplicateDealException;
import io.salesflow.SalesEvent;
import io.salesflow.SalesProcess;
import io.salesflow.TransitionOption;
import io.salesflow.UnknownDealException;
import io.salesflow.UnknownProcessException;
import io.salesflow.engine.ProcessCompiler;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import io.salesflow.store.DealStore;

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

  /** Returns a builder for the built-in table engine, which evaluates process definitions directly. */
  static Builder tableEngine() {
    return builder(TableCompiler.INSTANCE);
  }


  /** Returns a builder for an engine that decides with {@code compiler}; see {@link ProcessCompiler}. */
  static Builder builder(ProcessCompiler compiler) {
    return new Builder(compiler);
  }

  /** The engine's name, for example {@code "table"} or {@code "spring-statemachine"}. */
  String name();

  /**
   * Starts a deal in its process's initial stage, with no facts.
   *
   * @throws UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if a deal with this id exists
   * @throws IllegalArgumentException if {@code dealId} is blank
   */
  Deal start(String dealId, String processId);

  /**
   * Starts a deal in its process's initial stage with initial facts (its source, say).
   *
   * @throws UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if a deal with this id exists
   */
  Deal start(String dealId, String processId, DealFacts facts);

  /**
   * Starts a deal in a given open stage of its process, as a referred lead that skips the first steps does.
   *
   * @param entryStage an open or post-sale stage of the process
   * @throws IllegalArgumentException if the process has no such stage or it is won or lost
   * @throws UnknownProcessException if the engine does not run {@code processId}
   * @throws DuplicateDealException if a deal with this id exists
   */
  Deal start(String dealId, String processId, DealFacts facts, String entryStage);

  /**
   * Fires an event at a deal and returns whether it was accepted, with the new snapshot, or rejected, with every
   * reason. Concurrent changes to the deal are retried internally.
   *
   * @throws UnknownDealException if no deal has this id
   * @throws io.salesflow.DealVersionConflictException if the deal kept changing concurrently and retries ran out
   */
  FireResult fire(String dealId, SalesEvent event);

  /**
   * Fires an event at a deal only if it is still at {@code expectedVersion}, as a user interface that showed that
   * version does. A different stored version gives a {@link RejectionKind#STALE_VERSION} rejection, not a retry.
   *
   * @throws UnknownDealException if no deal has this id
   * @throws IllegalArgumentException if {@code expectedVersion} is negative
   */
  FireResult fire(String dealId, long expectedVersion, SalesEvent event);

  /**
   * Returns the deal with the given id.
   *
   * @throws UnknownDealException if no deal has this id
   */
  Deal get(String dealId);

  /**
   * Answers "what is blocking this deal?" at the engine clock's current instant: every transition from the deal's
   * stage, whether it is allowed now and, if not, every unmet condition. See
   * {@link SalesProcess#explain(Deal, java.time.Instant)}.
   *
   * @throws UnknownDealException if no deal has this id
   */
  default List<TransitionOption> explain(String dealId) {
    Deal deal = get(dealId);
    return process(deal.processId()).explain(deal, clock().instant());
  }

  /** Returns the deal with the given id, if it exists. */
  Optional<Deal> find(String dealId);

  /**
   * Returns a process this engine runs.
   *
   * @throws UnknownProcessException if it runs no process with this id
   */
  SalesProcess process(String processId);

  /** The processes this engine runs. */
  Collection<SalesProcess> processes();

  /** The store deals are kept in. */
  DealStore store();

  /** The clock the engine stamps transitions with. */
  Clock clock();

  /** Adds a listener; it hears every later start, transition and rejection. */
  void addListener(Listener listener);

  /** Removes a listener added earlier; does nothing if it was not added. */
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
     * @throws IllegalArgumentException if a process with the same id was added
     */
    public Builder process(SalesProcess process) {
      Objects.requireNonNull(process, "process must not be null");
      if (processes.putIfAbsent(process.id(), process) != null) {
        throw new IllegalArgumentException("process '" + process.id() + "' was already added");
      }
      return this;
    }

    /** Adds several processes. */
    public Builder processes(Iterable<SalesProcess> processes) {
      Objects.requireNonNull(processes, "processes must not be null").forEach(this::process);
      return this;
    }

    /** Sets the store; defaults to a new {@link DealStore#inMemory() in-memory store}. */
    public Builder store(DealStore store) {
      this.store = Objects.requireNonNull(store, "store must not be null");
      return this;
    }

    /** Sets the clock transitions are stamped with; defaults to {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /** Adds a listener. */
    public Builder listener(Listener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
      return this;
    }

    /**
     * Sets how often {@link DealEngine#fire(String, io.salesflow.SalesEvent)} tries when the deal changes concurrently
     * before it gives up with a {@link io.salesflow.DealVersionConflictException}; defaults to 32.
     *
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

    /** Called after a deal was started and stored. */
    default void onStarted(io.salesflow.Deal deal) {}

    /** Called after an accepted transition was stored. */
    default void onTransition(FireResult.Accepted accepted) {}

    /** Called after an event was rejected. */
    default void onRejection(FireResult.Rejected rejected) {}
  }
}
