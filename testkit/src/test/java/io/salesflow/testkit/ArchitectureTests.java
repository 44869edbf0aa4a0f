package io.salesflow.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.salesflow.archrules.SalesflowArchitecture;
import org.junit.jupiter.api.Test;

/** The testkit module's main classes keep the architecture rules every Salesflow module shares. */
class ArchitectureTests {
  private static final JavaClasses CLASSES = SalesflowArchitecture.importMainClassesOf(ProcessProperties.class);

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.testkit").check(CLASSES);
  }

  @Test
  void usesNoInternalPackage() {
    SalesflowArchitecture.internalPackagesStayInsideTheirModule().check(CLASSES);
  }

  @Test
  void publicApiDoesNotExposeInternalTypes() {
    SalesflowArchitecture.publicApiExposesNoInternalType().check(CLASSES);
  }

  @Test
  void libraryCodeDoesNotWriteToStandardStreams() {
    SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams().check(CLASSES);
  }

  @Test
  void dependsOnNoSpringType() {
    SalesflowArchitecture.dependsOnNoSpringType().check(CLASSES);
  }
}
