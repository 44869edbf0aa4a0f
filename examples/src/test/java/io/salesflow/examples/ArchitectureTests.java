package io.salesflow.examples;

import io.salesflow.archrules.ModuleArchitectureTests;


/**
 * The examples' main classes keep the architecture rules every Salesflow module shares; not the library-only rules:
 * the module is not published, and its runnable programs print their results and use the Spring engine.
 */
class ArchitectureTests extends ModuleArchitectureTests {
  ArchitectureTests() {
    super(Demo.class, "io.salesflow.examples");
  }
}
