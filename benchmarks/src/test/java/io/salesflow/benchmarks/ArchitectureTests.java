package io.salesflow.benchmarks;

import io.salesflow.archrules.ModuleArchitectureTests;


/**
 * The benchmarks' main classes keep the architecture rules every Salesflow module shares; not the library-only
 * rules: the module is not published, and it measures raw Spring Statemachine and prints its results.
 */
class ArchitectureTests extends ModuleArchitectureTests {
  ArchitectureTests() {
    super(RoundRobin.class, "io.salesflow.benchmarks");
  }
}
