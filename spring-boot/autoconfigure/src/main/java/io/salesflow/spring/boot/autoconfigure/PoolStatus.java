package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.engine.ProcessCompiler;
import io.salesflow.spring.SpringCompiledProcess;
import io.salesflow.spring.SpringStatemachineCompiler;
import java.util.Map;
import java.util.TreeMap;

/** The pools of a Spring Statemachine compiler now; loaded only when that engine is on the class path. */
final class PoolStatus {
  private PoolStatus() {}

  /** Per process id: size, machines in use and threads waiting; empty for any other compiler. */
  static Map<String, Map<String, Integer>> of(ProcessCompiler compiler) {
    Map<String, Map<String, Integer>> pools = new TreeMap<>();
    if (compiler instanceof SpringStatemachineCompiler spring) {
      for (SpringCompiledProcess compiled : spring.compiledProcesses()) {
        pools.put(compiled.process().id(), Map.of("size", compiled.poolSize(), "inUse", compiled.machinesInUse(),
            "waiting", compiled.threadsWaiting()));
      }
    }
    return pools;
  }
}
