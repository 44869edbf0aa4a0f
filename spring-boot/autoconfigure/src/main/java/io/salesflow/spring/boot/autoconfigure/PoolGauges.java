package io.salesflow.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.salesflow.engine.ProcessCompiler;
import io.salesflow.spring.SpringCompiledProcess;
import io.salesflow.spring.SpringStatemachineCompiler;

/** The pool gauges of a Spring Statemachine compiler; loaded only when that engine is on the class path. */
final class PoolGauges {
  static final String SIZE = "salesflow.pool.size";
  static final String IN_USE = "salesflow.pool.in.use";
  static final String WAITING = "salesflow.pool.waiting";

  private PoolGauges() {}

  static void register(MeterRegistry registry, ProcessCompiler compiler) {
    if (!(compiler instanceof SpringStatemachineCompiler spring)) {
      return;
    }
    for (SpringCompiledProcess compiled : spring.compiledProcesses()) {
      String process = compiled.process().id();
      Gauge.builder(SIZE, compiled, SpringCompiledProcess::poolSize).tag("process", process)
          .description("Machines the Spring Statemachine engine keeps at most for the process").register(registry);
      Gauge.builder(IN_USE, compiled, SpringCompiledProcess::machinesInUse).tag("process", process)
          .description("Machines of the process's pool deciding an event now").register(registry);
      Gauge.builder(WAITING, compiled, SpringCompiledProcess::threadsWaiting).tag("process", process)
          .description("Threads waiting for a machine of the process's pool now").register(registry);
    }
  }
}
