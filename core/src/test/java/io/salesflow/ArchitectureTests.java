package io.salesflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** Architecture rules that hold from day one and stay on. */
class ArchitectureTests {
  static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.salesflow");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("io.salesflow.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void coreDependsOnNoSpringType() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CORE);
  }

  @Test
  void libraryCodeDoesNotWriteToStandardStreams() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
  }

  @Test
  void publicApiDoesNotExposeInternalTypes() {
    methods().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .and().areDeclaredInClassesThat().arePublic()
        .should().notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("an internal type",
            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().contains(".internal")))
        .check(CORE);
    noClasses().that().resideOutsideOfPackage("..internal..").and().haveModifier(JavaModifier.PUBLIC)
        .should().beAssignableTo(com.tngtech.archunit.base.DescribedPredicate.describe("an internal type",
            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().contains(".internal")))
        .check(CORE);
  }
}
