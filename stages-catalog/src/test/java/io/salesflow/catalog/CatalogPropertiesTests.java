package io.salesflow.catalog;

import io.salesflow.SalesProcess;
import io.salesflow.testkit.ProcessProperties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The testkit over every catalog process on the table engine: the structure, the shortest path to each stage, every
 * simple path to an outcome, and seeded random walks with every invariant checked after every event.
 */
class CatalogPropertiesTests {
  static final long SEED = 4_2026_11_23L;

  @TestFactory
  Stream<DynamicContainer> everyCatalogProcessKeepsItsInvariants() {
    return SalesCatalog.all().stream().map(CatalogPropertiesTests::properties);
  }

  static DynamicContainer properties(SalesProcess process) {
    return DynamicContainer.dynamicContainer(process.id(),
        ProcessProperties.forProcess(process).walks(400).maxSteps(40).paths(12, 150).seed(SEED).dynamicTests());
  }
}
