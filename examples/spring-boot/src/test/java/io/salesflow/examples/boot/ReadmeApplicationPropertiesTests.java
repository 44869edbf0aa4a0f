package io.salesflow.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot section shows this application's application.properties as it is. */
class ReadmeApplicationPropertiesTests {
  @Test
  void readmeQuotesTheApplicationPropertiesVerbatim() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    String properties = Files.readString(dir.resolve("examples/spring-boot/src/main/resources/application.properties"));
    assertThat(Files.readString(dir.resolve("README.md")))
        .contains("```properties\n" + properties + "```\n");
  }
}
