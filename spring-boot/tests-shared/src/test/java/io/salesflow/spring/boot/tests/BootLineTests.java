package io.salesflow.spring.boot.tests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * The tests run on the Spring Boot line the module is for, with that line's Spring Framework: not the Spring
 * Framework the rest of the build manages for Spring Statemachine. The module names its line in the system property
 * {@code salesflow.boot.line}.
 */
class BootLineTests {
  @Test
  void runsOnTheSpringBootLineAndSpringFrameworkOfThisModule() {
    String line = System.getProperty("salesflow.boot.line");
    assertThat(line).as("the module's Boot line, set by its pom").isIn("4.0", "3.5");
    assertThat(SpringBootVersion.getVersion()).startsWith(line + ".");
    assertThat(SpringVersion.getVersion()).startsWith(line.equals("4.0") ? "7.0." : "6.2.");
  }
}
