package io.salesflow.engine;

import io.salesflow.SalesProcess;

/**
 * The engine SPI: turns a process definition, once, into something that decides each step.
 *
 * <p>The table engine's compiler reads the definition directly; the Spring Statemachine engine's compiles it into a
 * state machine model. Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface ProcessCompiler {

  /** {@return a short name of the engine for logs and reports, for example {@code "table"}} */
  String engineName();

  /**
   * Compiles {@code process}; called once per process when an engine is built.
   *
   * @param process a validated process definition
   * @return the compiled form, which the engine closes when it is closed
   */
  CompiledProcess compile(SalesProcess process);
}
