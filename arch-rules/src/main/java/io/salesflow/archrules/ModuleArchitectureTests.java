package io.salesflow.archrules;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules every Salesflow module keeps, as JUnit 5 tests: extend it once per module, naming one of
 * the module's main classes and its base package.
 *
 * <pre>{@code
 * class ArchitectureTests extends ModuleArchitectureTests {
 *   ArchitectureTests() {
 *     super(Demo.class, "io.salesflow.examples");
 *   }
 * }
 * }</pre>
 *
 * <p>Published modules extend {@link LibraryArchitectureTests}, which adds the rules for library code.
 */
public abstract class ModuleArchitectureTests {
  /** The module's own main classes, without its tests. */
  protected final JavaClasses classes;
  private final String basePackage;

  /**
   * Imports the module's main classes.
   *
   * @param anyMainClass a class of the module's main code, which locates the module's compiled classes
   * @param basePackage the package every class of the module lives in or below
   */
  protected ModuleArchitectureTests(Class<?> anyMainClass, String basePackage) {
    this.classes = SalesflowArchitecture.importMainClassesOf(anyMainClass);
    this.basePackage = basePackage;
  }

  @Test
  void packagesHaveNoCycles() {
    SalesflowArchitecture.packagesAreFreeOfCycles(basePackage).check(classes);
  }

  @Test
  void usesNoInternalPackageOfAnotherModule() {
    SalesflowArchitecture.internalPackagesStayInsideTheirModule().check(classes);
  }

  @Test
  void publicApiDoesNotExposeInternalTypes() {
    SalesflowArchitecture.publicApiExposesNoInternalType().check(classes);
  }
}
