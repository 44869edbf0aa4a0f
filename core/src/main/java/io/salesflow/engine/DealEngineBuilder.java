package io.salesflow.engine;

import io.salesflow.SalesProcess;
import io.salesflow.engine.spi.ProcessCompiler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link DealEngine}. Obtain one from {@link DealEngine#tableEngine()} or an engine module. Not
 * thread-safe; the engine it builds is.
 *
 * @since 0.1
 */
public final class DealEngineBuilder {
  private final ProcessCompiler compiler;
  private final Map<String, SalesProcess> processes = new LinkedHashMap<>();
  private final List<DealListener> listeners = new ArrayList<>();
  private DealStore store = new InMemoryDealStore();
  private Clock clock = Clock.systemUTC();
  private int maxAttempts = 32;

  DealEngineBuilder(ProcessCompiler compiler) {
    this.compiler = Objects.requireNonNull(compiler, "compiler must not be null");
  }

  /**
   * Adds a process the engine runs.
   *
   * @throws IllegalArgumentException if a process with the same id was added
   */
  public DealEngineBuilder process(SalesProcess process) {
    Objects.requireNonNull(process, "process must not be null");
    if (processes.putIfAbsent(process.id(), process) != null) {
      throw new IllegalArgumentException("process '" + process.id() + "' was already added");
    }
    return this;
  }

  /** Adds several processes. */
  public DealEngineBuilder processes(Iterable<SalesProcess> processes) {
    Objects.requireNonNull(processes, "processes must not be null").forEach(this::process);
    return this;
  }

  /** Sets the store; defaults to a new {@link InMemoryDealStore}. */
  public DealEngineBuilder store(DealStore store) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    return this;
  }

  /** Sets the clock transitions are stamped with; defaults to {@link Clock#systemUTC()}. */
  public DealEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    return this;
  }

  /** Adds a listener. */
  public DealEngineBuilder listener(DealListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    return this;
  }

  /**
   * Sets how often {@link DealEngine#fire(String, io.salesflow.SalesEvent)} tries when the deal changes concurrently
   * before it gives up with a {@link io.salesflow.DealVersionConflictException}; defaults to 32.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
   */
  public DealEngineBuilder maxAttempts(int maxAttempts) {
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
