package io.salesflow.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.salesflow.archrules.LibraryArchitectureTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module keeps the rules of every published module; its one public type is the module. */
class ArchitectureTests extends LibraryArchitectureTests {
  ArchitectureTests() {
    super(SalesflowModule.class, "io.salesflow.jackson");
  }

  @Test
  void publicApiIsTheModule() {
    List<String> api = classes.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
        .map(JavaClass::getName).sorted().toList();
    assertThat(api).containsExactly(SalesflowModule.class.getName());
  }

  @Test
  void sharedMappingKnowsNoJacksonLine() throws IOException {
    // src/shared is compiled into both Jackson lines, so it must name neither
    try (Stream<Path> files = Files.list(Path.of("src/shared/java/io/salesflow/jackson"))) {
      List<Path> sources = files.toList();
      assertThat(sources).hasSizeGreaterThanOrEqualTo(5);
      for (Path source : sources) {
        assertThat(Files.readString(source)).as(source.toString())
            .doesNotContain("tools.jackson").doesNotContain("com.fasterxml")
            .doesNotContain("SalesflowModule").doesNotContain("SalesflowJackson2Module");
      }
    }
  }
}
