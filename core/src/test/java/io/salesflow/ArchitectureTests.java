package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.salesflow.archrules.SalesflowArchitecture;
import java.util.List;
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
    SalesflowArchitecture.internalPackagesStayInsideTheirModule().check(CORE);
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
  void exposesAtMostThirtyTwoPublicTopLevelTypes() {
    List<String> api = CORE.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(c -> c.isTopLevelClass()).map(JavaClass::getName).sorted().toList();
    assertThat(api).as("core's public top-level types; the README's module section lists them").hasSizeLessThanOrEqualTo(32);
  }

  @Test
  void coreDependsOnNoSpringType() {
    SalesflowArchitecture.dependsOnNoSpringType().check(CORE);
  }
}
