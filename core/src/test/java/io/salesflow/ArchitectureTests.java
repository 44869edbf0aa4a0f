package io.salesflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.salesflow.archrules.LibraryArchitectureTests;
import java.util.List;
import org.junit.jupiter.api.Test;


/** Core's main classes keep the architecture rules of every published Salesflow module, and a small public API. */
class ArchitectureTests extends LibraryArchitectureTests {
  ArchitectureTests() {
    super(SalesProcess.class, "io.salesflow");
  }

  @Test
  void exposesAtMostThirtyTwoPublicTopLevelTypes() {
    List<String> api = classes.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(JavaClass::isTopLevelClass).map(JavaClass::getName).sorted().toList();
    assertThat(api).as("core's public top-level types; the README's module section lists them")
        .hasSizeLessThanOrEqualTo(32);
  }
}
