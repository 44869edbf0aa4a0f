package io.salesflow.archrules;

import org.junit.jupiter.api.Test;

/**
 * The architecture rules of a published module: those of every module, plus no writing to the standard streams and
 * no Spring type at all, or, for the module built on Spring Statemachine, Spring types only in the public members it
 * names as its deliberate Spring API.
 */
public abstract class LibraryArchitectureTests extends ModuleArchitectureTests {
  private final String[] deliberateSpringApi;

  /**
   * A module that uses no Spring type at all.
   *
   * @param anyMainClass a class of the module's main code, which locates the module's compiled classes
   * @param basePackage the package every class of the module lives in or below
   */
  protected LibraryArchitectureTests(Class<?> anyMainClass, String basePackage) {
    this(anyMainClass, basePackage, (String[]) null);
  }

  /**
   * A module whose public API shows Spring types in exactly the given members.
   *
   * @param anyMainClass a class of the module's main code, which locates the module's compiled classes
   * @param basePackage the package every class of the module lives in or below
   * @param deliberateSpringApi the members allowed to show a Spring type, as
   *     {@link SalesflowArchitecture#publicApiExposesNoSpringTypeExcept(String...)} names them; null for none at all
   */
  protected LibraryArchitectureTests(Class<?> anyMainClass, String basePackage, String... deliberateSpringApi) {
    super(anyMainClass, basePackage);
    this.deliberateSpringApi = deliberateSpringApi == null ? null : deliberateSpringApi.clone();
  }

  @Test
  void libraryCodeDoesNotWriteToStandardStreams() {
    SalesflowArchitecture.libraryCodeDoesNotWriteToStandardStreams().check(classes);
  }

  @Test
  void showsSpringTypesOnlyInItsDeliberateSpringApi() {
    if (deliberateSpringApi == null) {
      SalesflowArchitecture.dependsOnNoSpringType().check(classes);
    } else {
      SalesflowArchitecture.publicApiExposesNoSpringTypeExcept(deliberateSpringApi).check(classes);
    }
  }
}
