package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.SalesProcess;
import io.salesflow.engine.DealEngine;
import io.salesflow.engine.ProcessCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The health of an engine, whatever Spring Boot line reports it: up when its store answers a lookup, it runs at
 * least one process and no pool of the Spring Statemachine engine has every machine in use with threads waiting.
 */
final class SalesflowHealth {
  /** The id looked up to see that the store answers; no deal has it, and looking it up changes nothing. */
  static final String PROBE_ID = "salesflow-health-probe";
  private static final String SPRING_COMPILER = "io.salesflow.spring.SpringStatemachineCompiler";

  private final DealEngine engine;
  private final @Nullable ProcessCompiler compiler;

  SalesflowHealth(DealEngine engine, @Nullable ProcessCompiler compiler) {
    this.engine = engine;
    this.compiler = compiler;
  }

  /**
   * The verdict and its details.
   *
   * @param up whether every check passed
   * @param details what was checked, for the health endpoint
   */
  record Report(boolean up, Map<String, Object> details) {}

  Report check() {
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    details.put("engine", engine.name());
    List<String> processes = engine.processes().stream().map(SalesProcess::id).toList();
    details.put("processes", processes);
    if (processes.isEmpty()) {
      problems.add("no process registered");
    }
    String store = engine.store().getClass().getSimpleName();
    try {
      engine.store().find(PROBE_ID);
      details.put("store", store + " reachable");
    } catch (RuntimeException e) {
      details.put("store", store + " unreachable: " + e.getMessage());
      problems.add("store unreachable");
    }
    if (compiler != null && ClassUtils.isPresent(SPRING_COMPILER, SalesflowHealth.class.getClassLoader())) {
      Map<String, Map<String, Integer>> pools = PoolStatus.of(compiler);
      if (!pools.isEmpty()) {
        details.put("pools", pools);
      }
      pools.forEach((process, pool) -> {
        if (pool.get("waiting") > 0 && pool.get("inUse") >= pool.get("size")) {
          problems.add("pool of process '" + process + "' exhausted: all " + pool.get("size")
              + " machines in use, " + pool.get("waiting") + " threads waiting");
        }
      });
    }
    if (!problems.isEmpty()) {
      details.put("problems", problems);
    }
    return new Report(problems.isEmpty(), details);
  }
}
