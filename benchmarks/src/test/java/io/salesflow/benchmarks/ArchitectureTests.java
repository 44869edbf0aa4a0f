package io.salesflow.benchmarks;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.salesflow.archrules.SalesflowArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks module's main classes keep the architecture rules every Salesflow module shares.
 *
 * <p>Not the library-only rules: the module is not published, and its benchmark programs print their results and
 * run raw Spring Statemachine side by side.
 */
class ArchitectureTests {
  private static final JavaClasses CLASSES = SalesflowArchitecture.importMainClassesOf(RoundRobin.class);

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.benchmarks").check(CLASSES);
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
