package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.DealFacts.Scorecard;
import io.salesflow.SalesProcess;
import io.salesflow.StageKind;
import io.salesflow.guard.SalesGuards;
import io.salesflow.testkit.Coverage;
import io.salesflow.testkit.ProcessProperties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit over every catalog process on the table engine: the shortest path to each stage, every simple path to
 * an outcome, and seeded random walks with every step compared with the definition's own decision. The catalog's
 * property tests live here because the catalog cannot depend on the testkit, which depends on it optionally.
 */
class CatalogPropertiesTests {
  static final long SEED = 4_2026_11_23L;

  @TestFactory
  Stream<DynamicContainer> everyCatalogProcessKeepsItsInvariants() {
    return SalesCatalog.all().stream().map(process -> DynamicContainer.dynamicContainer(process.id(),
        ProcessProperties.forProcess(process).walks(400).maxSteps(40).paths(12, 150).seed(SEED).dynamicTests()));
  }

  static Stream<SalesProcess> catalog() {
    return SalesCatalog.all().stream();
  }

  /** The default properties, 300 walks of up to 30 events, with nothing added for the catalog. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void threeHundredDefaultWalksReachBothOutcomesAndSeeEveryGuardAllowAndDeny(SalesProcess process) {
    Coverage coverage = ProcessProperties.forProcess(process).seed(SEED).check();

    assertThat(coverage.walks()).isEqualTo(300);

    assertThat(coverage.reached(StageKind.WON)).as("%s", coverage).isTrue();
    assertThat(coverage.reached(StageKind.LOST)).as("%s", coverage).isTrue();
    assertThat(coverage.guardsNeverAllowing()).as("%s", coverage).isEmpty();
    assertThat(coverage.guardsNeverDenying()).as("%s", coverage).isEmpty();
  }

  /**
   * A catalog process switched to MEDDPICC qualification keeps every invariant on 400 walks, reaches both outcomes,
   * and its policy both allows and denies.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("catalog")
  void aCatalogProcessSwitchedToMeddpiccKeepsItsInvariants(SalesProcess catalogProcess) {
    SalesProcess process = SalesCatalog.withQualification(catalogProcess,
        SalesGuards.scorecardAllConfirmed(Scorecard.Framework.MEDDPICC));
    Coverage coverage = ProcessProperties.forProcess(process).walks(400).maxSteps(40).seed(SEED).check();

    assertThat(coverage.reached(StageKind.WON)).as("%s", coverage).isTrue();
    assertThat(coverage.reached(StageKind.LOST)).as("%s", coverage).isTrue();
    assertThat(coverage.guardsNeverAllowing()).as("%s", coverage)
        .noneMatch(t -> t.guard().label().startsWith("MEDDPICC"));
    assertThat(coverage.guardsNeverDenying()).as("%s", coverage)
        .noneMatch(t -> t.guard().label().startsWith("MEDDPICC"));
  }
}
