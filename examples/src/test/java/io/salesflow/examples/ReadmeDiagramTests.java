package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.catalog.SalesCatalog;
import io.salesflow.diagram.ProcessDiagrams;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The Mermaid diagram in the README is the one the library draws for the five-step process today. */
class ReadmeDiagramTests {

  @Test
  void readmeEmbedsTheCurrentMermaidOfTheFiveStepProcess() throws IOException {
    String readme = Files.readString(ReadmeSnippetsTests.root().resolve("README.md"));
    assertThat(readme).contains("```mermaid\n" + ProcessDiagrams.mermaid(SalesCatalog.fiveStep()) + "```");
  }
}
