package io.salesflow.testkit;

import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import io.salesflow.store.DealStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Creates the engine under test, so that the same properties and the same contract run on any {@link DealEngine}.
 *
 * <p>The testkit calls it once per walk, path or contract test, with a clock it controls and a fresh store; the
 * engine must use both and run exactly the given processes.
 *
 * <pre>{@code
 * EngineFactory table = EngineFactory.tableEngine();
 * EngineFactory mine = (clock, store, processes) -> MyEngine.builder().clock(clock).store(store)
 *     .processes(processes).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe; the engines they create are used from one thread at a time, except in
 * the contract's concurrency test.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EngineFactory {

  /**
   * Creates a new engine.
   *
   * @param clock the clock the engine must stamp transitions with and give guards as "now"
   * @param store an empty store the engine must keep its deals in
   * @param processes the processes it must run, at least one
   * @return the engine, which the testkit closes after use
   */
  DealEngine create(Clock clock, DealStore store, List<SalesProcess> processes);

  /** {@return the factory of the built-in table engine} */
  static EngineFactory tableEngine() {
    return (clock, store, processes) -> DealEngine.tableEngine().clock(clock).store(store).processes(processes)
        .build();
  }

  /**
   * Returns a factory of engines that decide with {@code compiler}, on the shared runtime of the core module.
   *
   * @param compiler compiles the processes of each engine created
   * @return the factory
   */
  static EngineFactory of(ProcessCompiler compiler) {
    Objects.requireNonNull(compiler, "compiler must not be null");
    return (clock, store, processes) -> DealEngine.builder(compiler).clock(clock).store(store).processes(processes)
        .build();
  }
}
