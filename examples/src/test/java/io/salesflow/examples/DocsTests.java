package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pictures committed under {@code docs/} are what the code draws today. Run with {@code -Ddocs.write=true}
 * ({@link DocsGenerator#COMMAND}), this test writes what differs instead of failing.
 */
class DocsTests {

  @Test
  void committedDocsAreWhatTheCodeDrawsToday() throws IOException {
    Path docs = ReadmeSnippetsTests.root().resolve("docs");
    Map<String, String> files = DocsGenerator.files();
    if (Boolean.getBoolean("docs.write")) {
      DocsGenerator.write(docs, files, new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }
    List<String> problems = new ArrayList<>();
    // a checkout with Windows line endings is not out of date
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = docs.resolve(file.getKey());
      if (!Files.exists(path)) {
        problems.add("docs/" + file.getKey() + " is missing");
      } else if (!Files.readString(path, StandardCharsets.UTF_8).replace("\r\n", "\n").equals(file.getValue())) {
        problems.add("docs/" + file.getKey() + " differs from what the code draws");
      }
    }
    DocsGenerator.stale(docs, files).forEach(stale -> problems.add("docs/" + stale + " is no longer generated"));
    assertThat(problems).as("the pictures under docs/ are out of date; regenerate them from the repository root with"
        + "\n  %s\nand commit the result", DocsGenerator.COMMAND).isEmpty();
  }

  @Test
  void everyCatalogProcessHasItsDiagramsAndFunnel() {
    Map<String, String> files = DocsGenerator.files();
    for (io.salesflow.SalesProcess process : io.salesflow.catalog.SalesCatalog.all()) {
      assertThat(files).containsKeys("diagrams/" + process.id() + ".mmd", "diagrams/" + process.id() + ".dot",
          "diagrams/" + process.id() + ".puml", "funnels/" + process.id() + ".svg");
      assertThat(files.get("README.md")).contains("](funnels/" + process.id() + ".svg)");
    }
    assertThat(files.values()).noneMatch(content -> content.contains("\r"));
  }
}
