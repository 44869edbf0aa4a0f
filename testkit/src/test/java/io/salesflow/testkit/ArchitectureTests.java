package io.salesflow.testkit;

import io.salesflow.archrules.LibraryArchitectureTests;


/** The testkit's main classes keep the architecture rules of every published Salesflow module. */
class ArchitectureTests extends LibraryArchitectureTests {
  ArchitectureTests() {
    super(ProcessProperties.class, "io.salesflow.testkit");
  }
}
