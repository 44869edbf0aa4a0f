package io.salesflow.catalog;

import io.salesflow.SalesProcess;
import io.salesflow.testkit.ProcessProperties;
import java.util.List;
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
    return DynamicContainer.dynamicContainer(process.id(), ProcessProperties.forProcess(process)
        .walks(400).maxSteps(40).paths(12, 150).seed(SEED)
        // the catalog's custom events whose attributes its guards read
        .payload(CatalogEvents.BUY_IN_CONFIRMED, (at, random) -> CatalogEvents.buyInConfirmed(at,
            random.nextBoolean() ? CatalogEvents.BuyInSide.BUYER : CatalogEvents.BuyInSide.SELLER, "a decision-maker"))
        .payload(CatalogEvents.BUYER_SEGMENTED, (at, random) -> CatalogEvents.buyerSegmented(at, List.of(
            CatalogEvents.SEGMENT_FAST, CatalogEvents.SEGMENT_NEEDS_INFORMATION, CatalogEvents.SEGMENT_LATER)
            .get(random.nextInt(3))))
        .dynamicTests());
  }
}
