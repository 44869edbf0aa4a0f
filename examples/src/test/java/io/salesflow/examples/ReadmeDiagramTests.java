package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import io.salesflow.diagram.ProcessDiagrams;
import io.salesflow.diagram.ProcessDiagrams.Style;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Mermaid diagram in the README is one the library draws for a catalog process today, in one of its styles. */
class ReadmeDiagramTests {
  private static final Pattern MERMAID = Pattern.compile("```mermaid\n(.*?)```", Pattern.DOTALL);

  @Test
  void readmeEmbedsOnlyCurrentMermaidDiagramsOfCatalogProcesses() throws IOException {
    String readme = Files.readString(ReadmeSnippetsTests.root().resolve("README.md"));
    List<String> current = new ArrayList<>();
    for (SalesProcess process : SalesCatalog.all()) {
      for (Style style : Style.values()) {
        current.add(ProcessDiagrams.mermaid(process, style));
      }
    }
    Matcher m = MERMAID.matcher(readme);
    int diagrams = 0;
    while (m.find()) {
      diagrams++;
      assertThat(current).as("README.md's Mermaid diagram %d (starting '%s') is what ProcessDiagrams.mermaid draws"
          + " for a catalog process today", diagrams, m.group(1).lines().skip(2).findFirst().orElse(""))
          .contains(m.group(1));
    }
    assertThat(diagrams).as("Mermaid diagrams in README.md").isPositive();
  }
}
