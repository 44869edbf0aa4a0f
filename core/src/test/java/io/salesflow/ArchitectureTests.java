package io.salesflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.salesflow.archrules.SalesflowArchitecture;
import org.junit.jupiter.api.Test;

/** Core's main classes keep the architecture rules every Salesflow module shares. */
class ArchitectureTests {
  private static final JavaClasses CORE = SalesflowArchitecture.importMainClassesOf(SalesProcess.class);

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow").check(CORE);
  }

  @Test
  void usesNoInternalPackageButItsOwn() {
    SalesflowArchitecture.internalPackagesStayInsideTheirModule("io.salesflow.internal").check(CORE);
  }

  @Test
  void publicApiDoesNotExposeInternalTypes() {
    SalesflowArchitecture.publicApiExposesNoInternalType().check(CORE);
  }

  @Test
  void libraryCodeDoesNotWriteToStandardStreams() {
    SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams().check(CORE);
  }

  @Test
  void coreDependsOnNoSpringType() {
    SalesflowArchitecture.dependsOnNoSpringType().check(CORE);
  }
}
