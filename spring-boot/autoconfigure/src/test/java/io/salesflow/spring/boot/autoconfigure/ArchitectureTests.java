package io.salesflow.spring.boot.autoconfigure;

import io.salesflow.archrules.ModuleArchitectureTests;
import io.salesflow.archrules.SalesflowArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The auto-configuration keeps the rules of every module, and does not write to the standard streams. It is Spring
 * Boot integration, so unlike the other published modules it may use Spring types anywhere.
 */
class ArchitectureTests extends ModuleArchitectureTests {
  ArchitectureTests() {
    super(SalesflowAutoConfiguration.class, "io.salesflow.spring.boot");
  }

  @Test
  void doesNotWriteToStandardStreams() {
    SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams().check(classes);
  }
}
