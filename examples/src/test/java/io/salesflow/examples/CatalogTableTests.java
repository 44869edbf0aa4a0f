package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesProcess;
import io.salesflow.catalog.SalesCatalog;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's catalog section is what {@link CatalogTable} renders from the catalog's definitions today. */
class CatalogTableTests {
  /** How to bring the README's section up to date, from the repository root. */
  static final String REFRESH = "./mvnw -B -q -pl examples -am compile && java -cp"
      + " core/target/classes:stages-catalog/target/classes:examples/target/classes"
      + " io.salesflow.examples.CatalogTable README.md";

  @Test
  void readmeHoldsTheCurrentCatalogSection() throws IOException {
    String readme = Files.readString(ReadmeSnippetsTests.root().resolve("README.md"));
    String expected = CatalogTable.markdown();
    assertThat(readme).as("README.md should hold the lines '%s' and '%s'", CatalogTable.BEGIN, CatalogTable.END)
        .contains(CatalogTable.BEGIN).contains(CatalogTable.END);
    if (!readme.contains(CatalogTable.BEGIN + "\n" + expected + "\n" + CatalogTable.END)) {
      throw new AssertionError("The catalog section of README.md differs from the catalog's definitions."
          + " Refresh it from the repository root with\n  " + REFRESH + "\nor paste this between the markers:\n"
          + CatalogTable.BEGIN + "\n" + expected + "\n" + CatalogTable.END + "\n");
    }
  }

  @Test
  void everyProcessHasItsSourceAndEveryStage() {
    String section = CatalogTable.markdown();
    for (SalesProcess process : SalesCatalog.all()) {
      String part = CatalogTable.markdown(process);
      assertThat(section).contains(part);
      assertThat(part).contains("#### `" + process.id() + "`").containsPattern("\nSource: .*“.+”");
      process.stages().forEach(stage -> assertThat(part).contains("| `" + stage.id() + "` " + stage.name()));
    }
  }

  @Test
  void showsMovesWithTheirGuardsAndWhatIsRecordedInPlace() {
    String fiveStep = CatalogTable.markdown(SalesCatalog.fiveStep());
    assertThat(fiveStep).contains("| `closing` Closing | open | `objection-raised` → `handling-objections`<br>"
        + "`closed-won` → `post-sale` [no open objections and requires contract] | `contract-signed`, `contact-made` |");
    assertThat(fiveStep).contains("| `prospecting` Prospecting (start) | open |");
    assertThat(fiveStep).contains("In every open stage, also: `closed-lost` → `lost`"
        + " [5 follow-ups before no-response loss].");
    assertThat(fiveStep).contains("Recorded in every open and post-sale stage, also: `follow-up-logged`.");
    assertThat(CatalogTable.markdown(SalesCatalog.sevenPhaseFunnel()))
        .contains("`lead-scored` → `qualify-buyers` [lead warm or hot]")
        .contains("`lead-scored` (when the move on it is denied)");
  }

  @Test
  void replacesOnlyTheTextBetweenTheMarkers() {
    String readme = "# Title\n\n" + CatalogTable.BEGIN + "\nold\n" + CatalogTable.END + "\n\nmore\n";
    assertThat(CatalogTable.replaceSection(readme, "new\n"))
        .isEqualTo("# Title\n\n" + CatalogTable.BEGIN + "\nnew\n\n" + CatalogTable.END + "\n\nmore\n");
    assertThatThrownBy(() -> CatalogTable.replaceSection("# Title\n", "new\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalog:begin");
  }
}
