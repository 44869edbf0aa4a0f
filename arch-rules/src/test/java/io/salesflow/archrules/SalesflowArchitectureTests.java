package io.salesflow.archrules;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.salesflow.archrules.fixture.acyclic.x.X;
import io.salesflow.archrules.fixture.acyclic.x.y.Y;
import io.salesflow.archrules.fixture.cycle.a.A;
import io.salesflow.archrules.fixture.cycle.a.b.B;
import io.salesflow.archrules.fixture.expose.UsesInternalPrivately;
import io.salesflow.archrules.fixture.expose.internal.Hidden;
import io.salesflow.archrules.fixture.moda.Api;
import io.salesflow.archrules.fixture.modb.CleanClient;
import io.salesflow.archrules.fixture.spring.SpringApi;
import io.salesflow.archrules.fixture.spring.SpringInside;
import io.salesflow.archrules.fixture.streams.Quiet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each shared rule fails on a fixture that breaks it and passes on one that keeps it. */
class SalesflowArchitectureTests {
  private static final String FIXTURE = "io.salesflow.archrules.fixture";
  private static final ClassFileImporter IMPORTER = new ClassFileImporter();

  @Test
  void archUnitsDoubleStarSeparatesSubpackagesButLeavesTheBasePackageOut() {
    JavaClasses cycle = IMPORTER.importPackages(FIXTURE + ".cycle");
    JavaClasses rootCycle = IMPORTER.importPackages(FIXTURE + ".rootcycle");

    assertFalse(slices().matching(FIXTURE + ".cycle.(*)..").should().beFreeOfCycles().evaluate(cycle).hasViolation(),
        "(*).. puts a and a.b in one slice, so it cannot see their cycle");
    assertTrue(slices().matching(FIXTURE + ".cycle.(**)").should().beFreeOfCycles().evaluate(cycle).hasViolation(),
        "(**) makes a and a.b two slices");
    assertFalse(slices().matching(FIXTURE + ".rootcycle.(**)").should().beFreeOfCycles().evaluate(rootCycle)
            .hasViolation(),
        "(**) matches no class of the base package itself, so it cannot see a cycle through it");
  }

  @Test
  void onePackagePerSliceGivesEveryPackageUnderTheBaseItsOwnSliceAndOthersNone() {
    SliceAssignment assignment = SalesflowArchitecture.onePackagePerSlice(FIXTURE + ".cycle");

    assertEquals(SliceIdentifier.of(FIXTURE + ".cycle.a"), assignment.getIdentifierOf(IMPORTER.importClass(A.class)));
    assertEquals(SliceIdentifier.of(FIXTURE + ".cycle.a.b"),
        assignment.getIdentifierOf(IMPORTER.importClass(B.class)));
    assertEquals(SliceIdentifier.ignore(), assignment.getIdentifierOf(IMPORTER.importClass(X.class)));
  }

  @Test
  void cycleRuleReportsACycleBetweenAPackageAndItsSubpackage() {
    List<String> violations = violations(SalesflowArchitecture.packagesAreFreeOfCycles(FIXTURE + ".cycle"),
        IMPORTER.importPackages(FIXTURE + ".cycle"));

    assertEquals(1, violations.size(), String.join("\n", violations));
    assertContains(violations.get(0).replaceAll("\\s+", " "),
        "Cycle detected: package " + FIXTURE + ".cycle.a -> package " + FIXTURE + ".cycle.a.b -> package " + FIXTURE
            + ".cycle.a");
  }

  @Test
  void cycleRuleReportsACycleThroughTheBasePackageItself() {
    List<String> violations = violations(SalesflowArchitecture.packagesAreFreeOfCycles(FIXTURE + ".rootcycle"),
        IMPORTER.importPackages(FIXTURE + ".rootcycle"));

    assertEquals(1, violations.size(), String.join("\n", violations));
    assertContains(violations.get(0).replaceAll("\\s+", " "), "Cycle detected: package " + FIXTURE
        + ".rootcycle -> package " + FIXTURE + ".rootcycle.sub -> package " + FIXTURE + ".rootcycle");
  }

  @Test
  void cycleRulePassesWhenDependenciesGoOneWay() {
    assertNoViolation(SalesflowArchitecture.packagesAreFreeOfCycles(FIXTURE + ".acyclic"),
        IMPORTER.importClasses(X.class, Y.class));
  }

  @Test
  void cycleRuleNeedsABasePackage() {
    assertThrows(IllegalArgumentException.class, SalesflowArchitecture::packagesAreFreeOfCycles);
    assertThrows(IllegalArgumentException.class, () -> SalesflowArchitecture.packagesAreFreeOfCycles("io..salesflow"));
  }

  @Test
  void internalRuleReportsAModuleUsingAnotherModulesInternalPackage() {
    List<String> violations = violations(SalesflowArchitecture.internalPackagesStayInsideTheirModule(),
        IMPORTER.importPackages(FIXTURE + ".modb"));

    assertFalse(violations.isEmpty());
    for (String violation : violations) {
      assertContains(violation, FIXTURE + ".modb.Client");
      assertContains(violation, FIXTURE + ".moda.internal.Secret");
    }
  }

  @Test
  void internalRuleReportsUseOfAnInternalPackageThatIsNotTheModulesOwn() {
    List<String> violations = violations(
        SalesflowArchitecture.internalPackagesStayInsideTheirModule(FIXTURE + ".modb.internal"),
        IMPORTER.importPackages(FIXTURE + ".modb"));

    assertFalse(violations.isEmpty());
  }

  @Test
  void internalRulePassesForAModuleUsingItsOwnInternalPackageOrOnlyAnotherModulesApi() {
    assertNoViolation(SalesflowArchitecture.internalPackagesStayInsideTheirModule(FIXTURE + ".moda.internal"),
        IMPORTER.importPackages(FIXTURE + ".moda"));
    assertNoViolation(SalesflowArchitecture.internalPackagesStayInsideTheirModule(),
        IMPORTER.importClasses(CleanClient.class));
  }

  @Test
  void internalRuleRefusesAnOwnPackageThatIsNotInternal() {
    assertThrows(IllegalArgumentException.class,
        () -> SalesflowArchitecture.internalPackagesStayInsideTheirModule("io.salesflow"));
    assertThrows(IllegalArgumentException.class,
        () -> SalesflowArchitecture.internalPackagesStayInsideTheirModule("io.salesflow.internals"));
  }

  @Test
  void exposureRuleReportsInternalTypesInReturnTypesTypeArgumentsAndSupertypes() {
    List<String> violations = violations(SalesflowArchitecture.publicApiExposesNoInternalType(),
        IMPORTER.importPackages(FIXTURE + ".expose"));

    assertEquals(3, violations.size(), String.join("\n", violations));
    assertAnyContains(violations, "Method <" + FIXTURE + ".expose.ReturnsInternal.hidden()> exposes internal type "
        + FIXTURE + ".expose.internal.Hidden in its return type");
    assertAnyContains(violations, "Method <" + FIXTURE + ".expose.TakesInternalInTypeArgument.count(java.util.List)>"
        + " exposes internal type " + FIXTURE + ".expose.internal.Hidden in the type of parameter 1");
    assertAnyContains(violations, "Class <" + FIXTURE + ".expose.ImplementsInternal> exposes internal type "
        + FIXTURE + ".expose.internal.HiddenContract in an interface it implements");
  }

  @Test
  void exposureRulePassesWhenInternalTypesAreUsedOnlyInsideOrByInternalTypes() {
    assertNoViolation(SalesflowArchitecture.publicApiExposesNoInternalType(),
        IMPORTER.importClasses(UsesInternalPrivately.class, Hidden.class));
  }

  @Test
  void standardStreamsRuleReportsAClassWritingToSystemOut() {
    List<String> violations = violations(SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams(),
        IMPORTER.importPackages(FIXTURE + ".streams"));

    assertEquals(1, violations.size(), String.join("\n", violations));
    assertContains(violations.get(0), FIXTURE + ".streams.Printer.print(java.lang.String)");
    assertContains(violations.get(0), "java.lang.System.out");
  }

  @Test
  void standardStreamsRulePassesForAQuietClass() {
    assertNoViolation(SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams(),
        IMPORTER.importClasses(Quiet.class));
  }

  @Test
  void noSpringRuleReportsAnyUseOfASpringType() {
    List<String> violations = violations(SalesflowArchitecture.dependsOnNoSpringType(),
        IMPORTER.importClasses(SpringInside.class));

    assertFalse(violations.isEmpty());
    assertAnyContains(violations, "org.springframework.archrulesfixture.SpringThing");
  }

  @Test
  void noSpringRulePassesForClassesFreeOfSpring() {
    assertNoViolation(SalesflowArchitecture.dependsOnNoSpringType(), IMPORTER.importClasses(Quiet.class, A.class));
  }

  @Test
  void springExposureRuleReportsEverySpringTypeInPublicSignaturesButTheAllowedMembers() {
    String allowed = SpringApi.class.getName() + ".factory()";
    List<String> violations = violations(SalesflowArchitecture.publicApiExposesNoSpringTypeExcept(allowed),
        IMPORTER.importPackages(FIXTURE + ".spring"));

    assertEquals(2, violations.size(), String.join("\n", violations));
    assertAnyContains(violations, "Method <" + SpringApi.class.getName() + ".factory(java.lang.String)> exposes "
        + "Spring type org.springframework.archrulesfixture.SpringThing in its return type");
    assertAnyContains(violations, "Method <" + SpringApi.class.getName() + ".customize(java.util.function.Consumer)>"
        + " exposes Spring type org.springframework.archrulesfixture.SpringThing in the type of parameter 1");
  }

  @Test
  void springExposureRulePassesWhenEveryLeakIsAllowedAndReportsAllowedNamesThatAllowNothing() {
    String factory = SpringApi.class.getName() + ".factory()";
    String overload = SpringApi.class.getName() + ".factory(java.lang.String)";
    String customize = SpringApi.class.getName() + ".customize(java.util.function.Consumer)";
    JavaClasses classes = IMPORTER.importPackages(FIXTURE + ".spring");

    assertNoViolation(SalesflowArchitecture.publicApiExposesNoSpringTypeExcept(factory, overload, customize),
        classes);
    String stale = SpringInside.class.getName() + ".describe()";
    List<String> violations = violations(
        SalesflowArchitecture.publicApiExposesNoSpringTypeExcept(factory, overload, customize, stale), classes);
    assertEquals(1, violations.size(), String.join("\n", violations));
    assertContains(violations.get(0), "Allowed API <" + stale + "> is not a public member that exposes a Spring type");
  }

  @Test
  void importsTheMainClassesOfTheModuleOfTheGivenClassOnly() {
    JavaClasses classes = SalesflowArchitecture.importMainClassesOf(SalesflowArchitecture.class);

    assertTrue(classes.contain(SalesflowArchitecture.class));
    assertFalse(classes.contain(SalesflowArchitectureTests.class));
    assertFalse(classes.contain(Api.class));
    assertThrows(IllegalArgumentException.class,
        () -> SalesflowArchitecture.importMainClassesOf(SalesflowArchitectureTests.class));
  }

  @Test
  void theRulesHoldForThisModuleItself() {
    JavaClasses classes = SalesflowArchitecture.importMainClassesOf(SalesflowArchitecture.class);

    SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.archrules").check(classes);
    SalesflowArchitecture.internalPackagesStayInsideTheirModule().check(classes);
    SalesflowArchitecture.publicApiExposesNoInternalType().check(classes);
    SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams().check(classes);
    SalesflowArchitecture.dependsOnNoSpringType().check(classes);
  }

  private static List<String> violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    return result.getFailureReport().getDetails();
  }

  private static void assertNoViolation(ArchRule rule, JavaClasses classes) {
    List<String> violations = violations(rule, classes);
    assertTrue(violations.isEmpty(), () -> "expected no violation, but got:\n" + String.join("\n", violations));
  }

  private static void assertContains(String actual, String expected) {
    assertTrue(actual.contains(expected), () -> "expected <" + expected + "> in:\n" + actual);
  }

  private static void assertAnyContains(List<String> actual, String expected) {
    assertTrue(actual.stream().anyMatch(s -> s.contains(expected)),
        () -> "expected <" + expected + "> in one of:\n" + actual.stream().collect(Collectors.joining("\n")));
  }
}
