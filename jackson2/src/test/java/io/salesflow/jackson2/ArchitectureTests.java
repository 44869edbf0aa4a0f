package io.salesflow.jackson2;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.salesflow.archrules.LibraryArchitectureTests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module keeps the rules of every published module; its one public type is the module. */
class ArchitectureTests extends LibraryArchitectureTests {
  ArchitectureTests() {
    super(SalesflowJackson2Module.class, "io.salesflow.jackson2");
  }

  @Test
  void publicApiIsTheModule() {
    List<String> api = classes.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getName).sorted().toList();
    assertThat(api).containsExactly(SalesflowJackson2Module.class.getName());
  }

  @Test
  void compilesTheSharedMappingInItsOwnPackage() {
    // the shared mapping, copied from salesflow-jackson: no class of the Jackson 3 module's package is in this jar
    assertThat(classes.stream().map(JavaClass::getName)).contains(ModelMapping.class.getName())
        .noneMatch(name -> name.startsWith("io.salesflow.jackson."));
  }
}
