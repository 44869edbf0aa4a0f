package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesProcess;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProcessPathsTests {
  private final ProcessPaths fieldSales = ProcessPaths.of(TestProcesses.fieldSales());

  @Test
  void findsEverySimplePathFromTheInitialStageToAnOutcome() {
    List<String> paths = fieldSales.simplePathsToOutcomes(20, 1_000).stream().map(p -> String.join(">", p.stages()))
        .toList();

    assertThat(paths).containsExactlyInAnyOrder(
        "prospecting>lost",
        "prospecting>contacted>lost",
        "prospecting>contacted>lost",
        "prospecting>contacted>presenting>lost",
        "prospecting>contacted>presenting>objection-handling>lost",
        "prospecting>contacted>presenting>closing>lost",
        "prospecting>contacted>presenting>closing>onboarding>customer");
  }

  @Test
  void boundsPathsByLengthAndCount() {
    assertThat(fieldSales.simplePathsToOutcomes(2, 1_000)).extracting(p -> p.steps().size())
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2)).hasSize(3);
    assertThat(fieldSales.simplePathsToOutcomes(20, 2)).hasSize(2);
    assertThatThrownBy(() -> fieldSales.simplePathsToOutcomes(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsTheShortestPathToEveryStage() {
    Map<String, ProcessPaths.Path> shortest = fieldSales.shortestPaths();

    assertThat(shortest.keySet()).containsExactly("prospecting", "contacted", "presenting", "objection-handling",
        "closing", "onboarding", "customer", "lost");
    assertThat(shortest.get("prospecting").steps()).isEmpty();
    assertThat(shortest.get("lost").stages()).containsExactly("prospecting", "lost");
    assertThat(shortest.get("customer").stages())
        .containsExactly("prospecting", "contacted", "presenting", "closing", "onboarding", "customer");
  }

  @TestFactory
  Stream<DynamicTest> drivesEveryPathOfEveryCustomProcessOnTheTableEngine() {
    return Stream.of(TestProcesses.inbound(), TestProcesses.fieldSales(), TestProcesses.community())
        .flatMap((SalesProcess p) -> ProcessPaths.of(p).dynamicTests(EngineFactory.tableEngine(), 12, 100));
  }
}
