package io.salesflow.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.salesflow.archrules.SalesflowArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The examples module's main classes keep the architecture rules every Salesflow module shares.
 *
 * <p>Not the library-only rules: the module is not published, and its runnable programs print their results and
 * use the Spring engine.
 */
class ArchitectureTests {
  private static final JavaClasses CLASSES = SalesflowArchitecture.importMainClassesOf(Demo.class);

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.examples").check(CLASSES);
  }

  @Test
  void usesNoInternalPackage() {
    SalesflowArchitecture.internalPackagesStayInsideTheirModule().check(CLASSES);
  }

  @Test
  void publicApiDoesNotExposeInternalTypes() {
    SalesflowArchitecture.publicApiExposesNoInternalType().check(CLASSES);
  }
}
