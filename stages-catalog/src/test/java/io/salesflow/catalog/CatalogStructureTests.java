package io.salesflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.Deal;
import io.salesflow.EventType;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.engine.FireResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants every catalog process keeps, checked on the definition and, where it is cheap, by running deals. Only
 * what the catalog promises beyond a valid process is checked here: {@code build()} already refuses unreachable
 * stages, open stages that cannot reach an outcome and transitions out of terminal stages.
 */
class CatalogStructureTests {

  static Stream<SalesProcess> processes() {
    return SalesCatalog.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyOpenStageCanReachAWonAndALostStage(SalesProcess process) {
    Set<String> won = ids(process.stages(StageKind.WON));
    Set<String> lost = ids(process.stages(StageKind.LOST));
    assertThat(process.stages(StageKind.OPEN)).isNotEmpty().allSatisfy(stage -> {
      Set<String> reachable = process.graph().reachableFrom(stage.id());
      assertThat(reachable).as("won stages reachable from %s", stage.id()).containsAnyElementsOf(won);
      assertThat(reachable).as("lost stages reachable from %s", stage.id()).containsAnyElementsOf(lost);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyPostSaleStageLeadsToTheWonStage(SalesProcess process) {
    assertThat(process.stages(StageKind.POST_SALE)).isNotEmpty().allSatisfy(stage ->
        assertThat(process.graph().reachableFrom(stage.id())).contains(CatalogStages.CUSTOMER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void theTerminalStagesAreCustomerLostAndDisqualified(SalesProcess process) {
    assertThat(process.stages(StageKind.WON)).extracting(Stage::id).containsExactly(CatalogStages.CUSTOMER);
    assertThat(process.stages(StageKind.LOST)).extracting(Stage::id)
        .containsExactlyInAnyOrder(CatalogStages.LOST, CatalogStages.DISQUALIFIED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyOpenStageHasClosedLostWithTheFollowUpThreshold(SalesProcess process) {
    Driver driver = new Driver(process);
    for (Stage stage : process.stages(StageKind.OPEN)) {
      driver.startAt("price-" + stage.id(), stage.id());
      driver.move("price-" + stage.id(), Driver.lost(LossReason.PRICE), CatalogStages.LOST);
      driver.startAt("silent-" + stage.id(), stage.id());
      assertThat(driver.deny("silent-" + stage.id(), Driver.lost(LossReason.NO_RESPONSE)).reasons())
          .as("no-response loss from %s", stage.id()).containsExactly("follow-ups: 0 of 5 made before dropping"
              + " for no response; most sales need several follow-ups, so follow up 5 more times");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void droppingForNoResponseNeedsFiveFollowUpsFirst(SalesProcess process) {
    Driver driver = new Driver(process);
    driver.start("D-1");
    for (int i = 0; i < 4; i++) {
      driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    }
    FireResult.Rejected rejected = driver.deny("D-1", Driver.lost(LossReason.NO_RESPONSE));
    assertThat(rejected.reasons()).singleElement().asString().startsWith("follow-ups: 4 of 5 made");

    driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    Deal deal = driver.move("D-1", Driver.lost(LossReason.NO_RESPONSE), CatalogStages.LOST);
    assertThat(deal.facts().lossReason()).contains(LossReason.NO_RESPONSE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyStageBeforeTheOutcomeRecordsFollowUpsInPlace(SalesProcess process) {
    assertThat(process.stages(StageKind.OPEN, StageKind.POST_SALE)).allSatisfy(stage ->
        assertThat(process.transitions(stage.id(), EventType.FOLLOW_UP_LOGGED))
            .as("follow-up-logged in %s", stage.id()).singleElement().satisfies(t -> assertThat(t.internal())
                .isTrue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void someQualifyingStageCanDisqualify(SalesProcess process) {
    assertThat(process.transitions()).filteredOn(t -> t.event().equals(EventType.DISQUALIFIED))
        .isNotEmpty().allSatisfy(t -> assertThat(t.target()).isEqualTo(CatalogStages.DISQUALIFIED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void winProbabilitiesRiseAlongTheMainPath(SalesProcess process) {
    List<Double> open = process.stages(StageKind.OPEN).stream()
        .filter(s -> !s.id().equals(CatalogStages.NURTURE))
        .map(s -> s.winProbability().orElseThrow()).toList();
    assertThat(open).hasSizeGreaterThanOrEqualTo(4).isSorted().doesNotHaveDuplicates()
        .allSatisfy(p -> assertThat(p).isBetween(0.0, 0.75));
    assertThat(process.stages(StageKind.POST_SALE, StageKind.WON))
        .allSatisfy(s -> assertThat(s.winProbability()).hasValue(1.0));
    assertThat(process.stages(StageKind.LOST)).allSatisfy(s -> assertThat(s.winProbability()).hasValue(0.0));
    process.findStage(CatalogStages.NURTURE).ifPresent(nurture ->
        assertThat(nurture.winProbability().orElseThrow()).isLessThan(open.get(open.size() - 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyStageBeforeTheOutcomeHasAStallThresholdAndGuidance(SalesProcess process) {
    assertThat(process.stages(StageKind.OPEN, StageKind.POST_SALE)).allSatisfy(stage -> {
      assertThat(stage.stallAfter()).as("stall threshold of %s", stage.id()).isPresent();
      assertThat(stage.guidance()).as("guidance of %s", stage.id()).isNotBlank();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void theProcessDescriptionCitesItsSourceByTitle(SalesProcess process) {
    assertThat(process.description()).containsPattern("Source: [^“]*“[^”]+”")
        .doesNotContainPattern("(?i)seed|\\.txt");
    assertThat(process.name()).isNotEqualTo(process.id());
  }

  @Test
  void everyStageHasADescriptionAndNoTwoProcessesShareOneVerbatim() {
    Map<String, List<String>> owners = new HashMap<>();
    for (SalesProcess process : SalesCatalog.all()) {
      for (Stage stage : process.stages()) {
        assertThat(stage.description()).as("%s/%s", process.id(), stage.id()).isNotBlank();
        owners.computeIfAbsent(stage.description(), d -> new java.util.ArrayList<>())
            .add(process.id() + "/" + stage.id());
      }
    }
    Map<String, List<String>> shared = owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(shared).as("descriptions used more than once").isEmpty();
    assertThat(SalesCatalog.all()).extracting(SalesProcess::description).doesNotHaveDuplicates();
  }

  private static Set<String> ids(List<Stage> stages) {
    return stages.stream().map(Stage::id).collect(Collectors.toSet());
  }
}
