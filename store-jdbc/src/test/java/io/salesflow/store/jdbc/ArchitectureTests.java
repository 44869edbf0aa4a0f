package io.salesflow.store.jdbc;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.salesflow.archrules.SalesflowArchitecture;
import org.junit.jupiter.api.Test;

/** The store-jdbc module's main classes keep the architecture rules every Salesflow module shares. */
class ArchitectureTests {
  private static final JavaClasses CLASSES = SalesflowArchitecture.importMainClassesOf(JdbcDealStore.class);

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.store.jdbc").check(CLASSES);
  }

  @Test
  void usesNoInternalPackageButItsOwn() {
    SalesflowArchitecture.internalPackagesStayInsideTheirModule("io.salesflow.store.jdbc.internal").check(CLASSES);
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
