package io.salesflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.SalesEvent;
import io.salesflow.StageKind;
import io.salesflow.testkit.Coverage;
import io.salesflow.testkit.DealAssert;
import io.salesflow.testkit.EventGenerator;
import io.salesflow.testkit.ProcessProperties;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The README's property-testing example: the testkit on the custom process of {@link CustomProcessExample}. */
class CustomProcessPropertiesTests {

  // tag::property-test[]
  @Test
  void subscriptionSalesKeepsItsInvariants() {
    ProcessProperties.forProcess(CustomProcessExample.subscriptionSales())
        .walks(500)        // seeded random walks, invariants checked after every event
        .seed(20261123L)   // leave out for a new seed each run; a failure prints the seed to replay
        .check();
  }

  @TestFactory
  Stream<DynamicTest> everyPathOfSubscriptionSales() {
    // the shortest path to each stage, every simple path to an outcome, and the walks
    return ProcessProperties.forProcess(CustomProcessExample.subscriptionSales()).seed(7L).dynamicTests();
  }
  // end::property-test[]

  @Test
  void subscriptionSalesWalksSeeEveryGuardAllowAndDeny() {
    // tag::coverage[]
    Coverage coverage = ProcessProperties.forProcess(CustomProcessExample.subscriptionSales())
        .seed(20261123L)
        .requireCoverage(Coverage.Floor.everything()) // every stage, transition and guard verdict, or it fails
        .check();
    // end::coverage[]
    assertThat(coverage.reached(StageKind.WON)).isTrue();
    assertThat(coverage.toString()).contains("negotiation -> won on closed-won [no open objections]: allowed ");
  }

  @Test
  void generatorsTakeAnyRandomGenerator() {
    // tag::generator[]
    EventGenerator generator = EventGenerator.forProcess(CustomProcessExample.subscriptionSales());
    List<SalesEvent> walk = generator.walk(new SplittableRandom(42L), 30); // or a seed from your own library
    // end::generator[]
    assertThat(walk).hasSizeBetween(1, 30);
    assertThat(generator.walk(new SplittableRandom(42L), 30)).as("same seed, same walk").isEqualTo(walk);
  }

  @Test
  void dealAssertionsReadAsSentences() {
    var engine = io.salesflow.engine.DealEngine.tableEngine().process(CustomProcessExample.subscriptionSales())
        .build();
    CustomProcessExample.runOneDeal(engine, java.time.Instant.parse("2026-11-02T09:00:00Z"));
    DealAssert.assertThat(engine.get("S-1")).isInStage("won").hasVersion(7).hasHistorySize(7);
  }
}
