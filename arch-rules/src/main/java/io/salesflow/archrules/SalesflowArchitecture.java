package io.salesflow.archrules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture rules of every Salesflow module, written once and checked by each module against its own main
 * classes.
 *
 * <p>A module imports the classes it compiled with {@link #importMainClassesOf(Class)}, never by package: several
 * modules share the package prefix {@code io.salesflow}, and importing by package would check core's classes again in
 * every module. The rules then see the module's own classes and every dependency those classes reference. Each rule
 * is an {@link ArchRule}; a module checks the ones that apply to it, one JUnit test per rule, so that a failure names
 * the rule:
 *
 * <pre>{@code
 * private static final JavaClasses CLASSES = SalesflowArchitecture.importMainClassesOf(JdbcDealStore.class);
 *
 * @Test
 * void packagesHaveNoCycles() {
 *   SalesflowArchitecture.packagesAreFreeOfCycles("io.salesflow.store.jdbc").check(CLASSES);
 * }
 * }</pre>
 *
 * <p>Which module checks which rule:
 * <ul>
 *   <li>every module: {@link #packagesAreFreeOfCycles}, {@link #internalPackagesStayInsideTheirModule} and
 *       {@link #publicApiExposesNoInternalType};
 *   <li>the published library modules (core, testkit, store-jdbc, spring-statemachine, stages-catalog) also
 *       {@link #libraryCodeDoesNotWriteToStandardStreams};
 *   <li>the published library modules other than spring-statemachine also {@link #dependsOnNoSpringType};
 *       spring-statemachine instead {@link #publicApiExposesNoSpringTypeExcept} its deliberate Spring API.
 * </ul>
 *
 * <p>A package is <em>internal</em> when one of the segments of its name is {@code internal}, as ArchUnit's
 * {@code "..internal.."} means: {@code io.salesflow.internal} and {@code io.salesflow.testkit.internal.walk} are,
 * {@code io.salesflow.internals} is not.
 */
public final class SalesflowArchitecture {
  /** The packages of Spring: {@code org.springframework} and below, as an ArchUnit package identifier. */
  public static final String SPRING_PACKAGES = "org.springframework..";

  private static final String INTERNAL_SEGMENT = "internal";

  private static final DescribedPredicate<JavaClass> INTERNAL_TYPE =
      DescribedPredicate.describe("an internal type", c -> isInternalPackage(baseComponent(c).getPackageName()));

  private static final DescribedPredicate<JavaClass> SPRING_TYPE = DescribedPredicate.describe("a Spring type",
      c -> isWithin(baseComponent(c).getPackageName(), List.of("org.springframework")));

  private static final DescribedPredicate<JavaClass> PUBLIC_TYPE_OUTSIDE_INTERNAL_PACKAGES =
      DescribedPredicate.describe("are public types outside internal packages",
          c -> isPubliclyAccessible(c) && !isInternalPackage(c.getPackageName()));

  private SalesflowArchitecture() {
  }

  /**
   * Imports the main classes of the module that compiled {@code anyMainClass}: every class in the same class
   * folder or jar, and no test class.
   *
   * <p>Pass any class of the module's main code; the import is by location, so classes of other modules in the same
   * packages stay out, while the dependencies of the imported classes are still resolved from the class path.
   *
   * @throws IllegalArgumentException if {@code anyMainClass} has no code location or nothing was imported from it
   *     (for example a test class was passed)
   */
  public static JavaClasses importMainClassesOf(Class<?> anyMainClass) {
    Objects.requireNonNull(anyMainClass, "anyMainClass must not be null");
    CodeSource source = anyMainClass.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) {
      throw new IllegalArgumentException(anyMainClass.getName() + " has no code location to import classes from");
    }
    JavaClasses imported = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importUrl(location);
    if (imported.isEmpty()) {
      throw new IllegalArgumentException("imported no main class from " + location + ", where "
          + anyMainClass.getName() + " was found; pass a class of the module's main code, not a test class");
    }
    return imported;
  }

  /**
   * No two packages under {@code basePackages} depend on each other in a cycle, however indirectly.
   *
   * <p>Every package is a slice of its own, as {@link #onePackagePerSlice} assigns them: {@code a.b} and
   * {@code a.b.c} are different slices, and so is each base package itself, so that a cycle between a package and
   * its subpackage, or between the base package and any package below it, is reported. (ArchUnit's
   * {@code slices().matching("io.salesflow.(*)..")} lumps a package together with its subpackages, and
   * {@code matching("io.salesflow.(**)")} separates them but leaves out {@code io.salesflow} itself.)
   *
   * @param basePackages the module's own packages, for example {@code "io.salesflow.store.jdbc"}; a class outside
   *     them belongs to no slice
   * @throws IllegalArgumentException if no base package is given or one is blank
   */
  public static ArchRule packagesAreFreeOfCycles(String... basePackages) {
    List<String> bases = packageNames("basePackages", basePackages);
    return slices().assignedFrom(onePackagePerSlice(basePackages)).namingSlices("package $1")
        .should().beFreeOfCycles()
        .as("packages in " + bases + " should be free of cycles, each package a slice of its own")
        .because("a package cycle makes its packages one unit that cannot be understood, tested or split apart alone");
  }

  /**
   * Assigns every class in or below {@code basePackages} to the slice named by its full package name, and every
   * other class to none.
   *
   * @throws IllegalArgumentException if no base package is given or one is blank
   */
  public static SliceAssignment onePackagePerSlice(String... basePackages) {
    List<String> bases = packageNames("basePackages", basePackages);
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        return isWithin(packageName, bases) ? SliceIdentifier.of(packageName) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "one slice per package in " + bases;
      }
    };
  }

  /**
   * No class depends on a class in an internal package, except in the module's own internal packages.
   *
   * <p>This covers the internal packages of the other Salesflow modules and those of third-party libraries alike.
   *
   * @param ownInternalPackages the module's own internal packages, each with everything below it, for example
   *     {@code "io.salesflow.internal"} for core; none for a module without internal packages
   * @throws IllegalArgumentException if one of them is blank or not an internal package
   */
  public static ArchRule internalPackagesStayInsideTheirModule(String... ownInternalPackages) {
    Objects.requireNonNull(ownInternalPackages, "ownInternalPackages must not be null");
    List<String> own = new ArrayList<>();
    for (String name : ownInternalPackages) {
      String checked = packageName("ownInternalPackages", name);
      if (!isInternalPackage(checked)) {
        throw new IllegalArgumentException("'" + checked + "' is not an internal package: no segment of its name is '"
            + INTERNAL_SEGMENT + "'");
      }
      own.add(checked);
    }
    List<String> owned = List.copyOf(own);
    DescribedPredicate<JavaClass> foreignInternal = DescribedPredicate.describe(
        owned.isEmpty() ? "reside in an internal package" : "reside in an internal package other than " + owned,
        c -> {
          String packageName = baseComponent(c).getPackageName();
          return isInternalPackage(packageName) && !isWithin(packageName, owned);
        });
    return noClasses().should().dependOnClassesThat(foreignInternal)
        .as(owned.isEmpty()
            ? "no class should depend on a class in an internal package"
            : "no class should depend on a class in an internal package other than its module's own " + owned)
        .because("an internal package is its module's implementation detail, free to change in any release");
  }

  /**
   * No public type outside the internal packages exposes an internal type: not as a supertype, and not in the
   * signature of a public method, constructor or field (return type, parameter types, thrown types, field type and
   * type parameter bounds, with their type arguments).
   */
  public static ArchRule publicApiExposesNoInternalType() {
    return classes().that(PUBLIC_TYPE_OUTSIDE_INTERNAL_PACKAGES)
        .should(new ExposesNoType(INTERNAL_TYPE, "internal type", List.of()))
        .allowEmptyShould(true)
        .as("public types outside internal packages should expose no internal type in their public signatures")
        .because("users can only reach the public API, and an internal type in it ties them to an implementation "
            + "detail");
  }

  /**
   * No class writes to {@code System.out} or {@code System.err} or prints stack traces there; for library code,
   * which must leave its users' consoles alone.
   */
  public static ArchRule libraryCodeDoesNotWriteToStandardStreams() {
    return GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
        .because("library code reports through its return values, exceptions and logging, never its users' console");
  }

  /** No class depends on any Spring type ({@value #SPRING_PACKAGES}). */
  public static ArchRule dependsOnNoSpringType() {
    return noClasses().should().dependOnClassesThat().resideInAPackage(SPRING_PACKAGES)
        .as("no class should depend on a Spring type (" + SPRING_PACKAGES + ")")
        .because("only the spring-statemachine module may depend on Spring; the rest of Salesflow stays free of it");
  }

  /**
   * No public type outside the internal packages exposes a Spring type ({@value #SPRING_PACKAGES}, which includes
   * Spring Statemachine and the Spring messaging types it uses), except in the members that {@code allowedApi} names.
   *
   * <p>An entry is the full name of a method, constructor or field as ArchUnit prints it, for example
   * {@code "io.salesflow.spring.SpringCompiledProcess.factory()"} or
   * {@code "io.salesflow.spring.SpringStatemachineCompiler.factoryFor(java.lang.String)"}: an overload or a new member
   * that exposes a Spring type is still a violation. The name of a type allows only its supertypes and type
   * parameters, not its members. An entry that names no public member exposing a Spring type is a
   * violation too, so the list cannot outlive what it allows.
   *
   * @throws IllegalArgumentException if an entry is blank or repeated
   */
  public static ArchRule publicApiExposesNoSpringTypeExcept(String... allowedApi) {
    Objects.requireNonNull(allowedApi, "allowedApi must not be null");
    Set<String> allowed = new LinkedHashSet<>();
    for (String entry : allowedApi) {
      if (entry == null || entry.isBlank()) {
        throw new IllegalArgumentException("allowedApi must not contain a blank entry");
      }
      if (!allowed.add(entry)) {
        throw new IllegalArgumentException("allowedApi names '" + entry + "' twice");
      }
    }
    return classes().that(PUBLIC_TYPE_OUTSIDE_INTERNAL_PACKAGES)
        .should(new ExposesNoType(SPRING_TYPE, "Spring type", allowed))
        .allowEmptyShould(true)
        .as("public types outside internal packages should expose no Spring type in their public signatures"
            + (allowed.isEmpty() ? "" : ", except in " + allowed))
        .because("only the deliberate Spring API of the engine may tie users to Spring's types and versions");
  }

  private static boolean isInternalPackage(String packageName) {
    return Arrays.asList(packageName.split("\\.")).contains(INTERNAL_SEGMENT);
  }

  private static boolean isWithin(String packageName, Collection<String> packages) {
    for (String candidate : packages) {
      if (packageName.equals(candidate) || packageName.startsWith(candidate + ".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPubliclyAccessible(JavaClass javaClass) {
    if (!javaClass.getModifiers().contains(JavaModifier.PUBLIC)) {
      return false;
    }
    Optional<JavaClass> enclosing = javaClass.getEnclosingClass();
    return enclosing.isEmpty() || isPubliclyAccessible(enclosing.get());
  }

  private static JavaClass baseComponent(JavaClass javaClass) {
    return javaClass.isArray() ? javaClass.getBaseComponentType() : javaClass;
  }

  private static List<String> packageNames(String what, String... names) {
    Objects.requireNonNull(names, what + " must not be null");
    if (names.length == 0) {
      throw new IllegalArgumentException(what + " must name at least one package");
    }
    List<String> result = new ArrayList<>();
    for (String name : names) {
      result.add(packageName(what, name));
    }
    return List.copyOf(result);
  }

  private static String packageName(String what, String name) {
    if (name == null || name.isBlank() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      throw new IllegalArgumentException(what + " must hold plain package names such as 'io.salesflow', but held '"
          + name + "'");
    }
    return name;
  }

  /**
   * Fails for every place where a public type's public signature mentions a forbidden type, unless the member (or,
   * for supertypes and type parameters, the type) is allowed; reports allowed names that were never needed.
   */
  private static final class ExposesNoType extends ArchCondition<JavaClass> {
    private final DescribedPredicate<JavaClass> forbidden;
    private final String what;
    private final Set<String> allowed;
    private final Set<String> used = new HashSet<>();

    ExposesNoType(DescribedPredicate<JavaClass> forbidden, String what, Collection<String> allowed) {
      super("expose no " + what + " in their public signatures");
      this.forbidden = forbidden;
      this.what = what;
      this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void init(Collection<JavaClass> allObjectsToTest) {
      used.clear();
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
      String typeName = javaClass.getName();
      String typeDescription = "Class <" + typeName + ">";
      Set<JavaClass> directSupertypes = new HashSet<>();
      Optional<JavaType> superclass = javaClass.getSuperclass();
      if (superclass.isPresent()) {
        directSupertypes.add(superclass.get().toErasure());
        report(typeName, typeDescription, superclass.get(), superclass.get().getAllInvolvedRawTypes(),
            "in its superclass", javaClass, events);
      }
      for (JavaType anInterface : javaClass.getInterfaces()) {
        directSupertypes.add(anInterface.toErasure());
        report(typeName, typeDescription, anInterface, anInterface.getAllInvolvedRawTypes(),
            "in an interface it implements", javaClass, events);
      }
      Set<JavaClass> inheritedSupertypes = new HashSet<>(javaClass.getAllRawSuperclasses());
      inheritedSupertypes.addAll(javaClass.getAllRawInterfaces());
      inheritedSupertypes.removeAll(directSupertypes);
      for (JavaClass inherited : inheritedSupertypes) {
        report(typeName, typeDescription, inherited, Set.of(inherited), "as an inherited supertype", javaClass,
            events);
      }
      for (JavaType typeParameter : javaClass.getTypeParameters()) {
        report(typeName, typeDescription, typeParameter, typeParameter.getAllInvolvedRawTypes(),
            "in the bounds of its type parameter", javaClass, events);
      }
      for (JavaMember member : javaClass.getMembers()) {
        if (!isPublicApi(member)) {
          continue;
        }
        String name = member.getFullName();
        String description = member.getDescription();
        if (member instanceof JavaField) {
          JavaType type = ((JavaField) member).getType();
          report(name, description, type, type.getAllInvolvedRawTypes(), "in its type", member, events);
        } else if (member instanceof JavaCodeUnit) {
          JavaCodeUnit codeUnit = (JavaCodeUnit) member;
          JavaType returnType = codeUnit.getReturnType();
          report(name, description, returnType, returnType.getAllInvolvedRawTypes(), "in its return type", member,
              events);
          List<JavaType> parameterTypes = codeUnit.getParameterTypes();
          for (int i = 0; i < parameterTypes.size(); i++) {
            JavaType parameterType = parameterTypes.get(i);
            report(name, description, parameterType, parameterType.getAllInvolvedRawTypes(),
                "in the type of parameter " + (i + 1), member, events);
          }
          for (JavaClass thrown : codeUnit.getExceptionTypes()) {
            report(name, description, thrown, Set.of(thrown), "in its throws clause", member, events);
          }
          for (JavaType typeParameter : codeUnit.getTypeParameters()) {
            report(name, description, typeParameter, typeParameter.getAllInvolvedRawTypes(),
                "in the bounds of its type parameter", member, events);
          }
        }
      }
    }

    @Override
    public void finish(ConditionEvents events) {
      for (String entry : new TreeSet<>(allowed)) {
        if (!used.contains(entry)) {
          events.add(SimpleConditionEvent.violated(entry, "Allowed API <" + entry + "> is not a public member that "
              + "exposes a " + what + ": remove it from the allow-list, or correct its name"));
        }
      }
    }

    private void report(String name, String description, JavaType signatureType, Set<JavaClass> involved,
        String where, HasSourceCodeLocation location, ConditionEvents events) {
      Set<String> offending = new TreeSet<>();
      for (JavaClass type : involved) {
        if (forbidden.test(type)) {
          offending.add(baseComponent(type).getName());
        }
      }
      if (offending.isEmpty()) {
        return;
      }
      if (allowed.contains(name)) {
        used.add(name);
        return;
      }
      String signature = signatureType.getName();
      for (String type : offending) {
        String shown = signature.equals(type) ? "" : " " + signature;
        events.add(SimpleConditionEvent.violated(location, description + " exposes " + what + " " + type + " "
            + where + shown + " in " + location.getSourceCodeLocation()));
      }
    }

    private static boolean isPublicApi(JavaMember member) {
      Set<JavaModifier> modifiers = member.getModifiers();
      return modifiers.contains(JavaModifier.PUBLIC) && !modifiers.contains(JavaModifier.SYNTHETIC)
          && !modifiers.contains(JavaModifier.BRIDGE);
    }
  }
}
