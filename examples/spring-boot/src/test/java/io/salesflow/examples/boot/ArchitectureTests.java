package io.salesflow.examples.boot;

import io.salesflow.archrules.ModuleArchitectureTests;

/** The example application keeps the architecture rules every Salesflow module shares. */
class ArchitectureTests extends ModuleArchitectureTests {
  ArchitectureTests() {
    super(DealsApplication.class, "io.salesflow.examples.boot");
  }
}
