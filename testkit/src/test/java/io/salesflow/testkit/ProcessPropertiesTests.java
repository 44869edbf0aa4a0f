package io.salesflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.SalesProcess;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ProcessPropertiesTests {
  private static final List<SalesProcess> PROCESSES =
      List.of(TestProcesses.inbound(), TestProcesses.fieldSales(), TestProcesses.community());

  @TestFactory
  Stream<DynamicNode> everyCustomProcessHoldsItsPropertiesOnTheTableEngine() {
    return PROCESSES.stream().map(process -> DynamicContainer.dynamicContainer(process.id(),
        ProcessProperties.forProcess(process).walks(500).dynamicTests()));
  }

  @Test
  void offersExhaustivePathsAndWalksAsDynamicTests() {
    List<String> names = ProcessProperties.forProcess(TestProcesses.inbound()).walks(10).seed(7).dynamicTests()
        .map(DynamicTest::getDisplayName).toList();

    assertThat(names).first().isEqualTo("shortest path to 'new': new");
    assertThat(names).contains("shortest path to 'won': new -[qualification-assessed]-> qualified"
        + " -[proposal-sent]-> proposal -[closed-won]-> won");
    assertThat(names).filteredOn(n -> n.startsWith("path to outcome: ")).hasSize(4);
    assertThat(names).last().isEqualTo("10 random walks of up to 30 events (seed 7)");
  }

  @Test
  void refusesMeaninglessBounds() {
    ProcessProperties properties = ProcessProperties.forProcess(TestProcesses.inbound());

    assertThatThrownBy(() -> properties.walks(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("walks must be at least 1, but was 0");
    assertThatThrownBy(() -> properties.maxSteps(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> properties.paths(0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
