package io.salesflow.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.salesflow.archrules.SalesflowArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store-jdbc module's main classes keep the architecture rules every Salesflow module shares. */
class ArchitectureTests {
  private static final JavaClasses CLASSES = SalesflowArchitecture.importMainClassesOf(JdbcDealStore.class);

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.store.jdbc").check(CLASSES);
  }

  @Test
  void usesNoInternalPackage() {
    SalesflowArchitecture.internalPackagesStayInsideTheirModule().check(CLASSES);
  }

  @Test
  void publicApiIsTheStoreItsBuilderAndItsException() {
    List<String> api = CLASSES.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getName).sorted().toList();
    assertThat(api).as("store-jdbc's public types; everything else stays package-private").containsExactly(
        JdbcDealStore.class.getName(), JdbcDealStore.Builder.class.getName(), JdbcStoreException.class.getName());
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
