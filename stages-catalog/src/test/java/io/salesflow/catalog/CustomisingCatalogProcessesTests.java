package io.salesflow.catalog;

import static io.salesflow.catalog.CatalogStages.CLOSING;
import static io.salesflow.catalog.CatalogStages.LOST;
import static io.salesflow.catalog.CatalogStages.ONBOARDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.EventType;
import io.salesflow.InvalidProcessException;
import io.salesflow.SalesEvent.FollowUpOutcome;
import io.salesflow.SalesEvent.LossReason;
import io.salesflow.SalesProcess;
import io.salesflow.Stage;
import io.salesflow.StageKind;
import io.salesflow.guard.SalesGuards;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CustomisingCatalogProcessesTests {

  @Test
  void rebuildingAnUnchangedCatalogProcessKeepsItsStagesAndTransitions() {
    for (SalesProcess process : SalesCatalog.all()) {
      SalesProcess copy = process.toBuilder().build();
      assertThat(copy.stages()).isEqualTo(process.stages());
      assertThat(copy.transitions()).hasSameSizeAs(process.transitions());
    }
  }

  @Test
  void renamesAStageKeepingItsIdAndPlace() {
    SalesProcess original = SalesCatalog.eightStep();
    SalesProcess renamed = original.toBuilder()
        .replaceStage(original.stage(CLOSING).toBuilder().name("Deal desk").build())
        .build();
    assertThat(renamed.stage(CLOSING).name()).isEqualTo("Deal desk");
    assertThat(renamed.stages()).extracting(Stage::id).containsExactlyElementsOf(
        original.stages().stream().map(Stage::id).toList());
    assertThat(original.stage(CLOSING).name()).isEqualTo("Closing");
  }

  @Test
  void raisesTheFollowUpThresholdOfALossByRedefiningTheTransition() {
    SalesProcess patient = SalesCatalog.fiveStep().toBuilder()
        .removeTransitions(CatalogStages.PROSPECTING, EventType.CLOSED_LOST)
        .transition(CatalogStages.PROSPECTING, EventType.CLOSED_LOST, LOST,
            SalesGuards.followUpsBeforeNoResponseLoss(8))
        .build();
    Driver driver = new Driver(patient);
    driver.start("D-1");
    for (int i = 0; i < 5; i++) {
      driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    }
    assertThat(driver.deny("D-1", Driver.lost(LossReason.NO_RESPONSE)).reasons()).singleElement().asString()
        .startsWith("follow-ups: 5 of 8 made");
    for (int i = 0; i < 3; i++) {
      driver.accept("D-1", Driver.followUp(FollowUpOutcome.NO_RESPONSE));
    }
    driver.move("D-1", Driver.lost(LossReason.NO_RESPONSE), LOST);
  }

  @Test
  void addsAStageBetweenClosingAndOnboarding() {
    EventType securityCleared = EventType.custom("security-cleared");
    SalesProcess withReview = SalesCatalog.eightStep().toBuilder()
        .stage(Stage.builder().id("security-review").name("Security review").kind(StageKind.OPEN)
            .winProbability(0.8).stallAfter(Duration.ofDays(10)).description("The buyer's security team vets us.")
            .build())
        .removeTransitions(CLOSING, EventType.CLOSED_WON)
        .transition(CLOSING, EventType.CONTRACT_SIGNED, "security-review")
        .transition("security-review", securityCleared, "security-review-passed")
        .stage(Stage.open("security-review-passed", "Cleared"))
        .transition("security-review-passed", EventType.CLOSED_WON, ONBOARDING)
        .transition("security-review", EventType.CLOSED_LOST, LOST)
        .transition("security-review-passed", EventType.CLOSED_LOST, LOST)
        .build();
    Driver driver = new Driver(withReview);
    driver.startAt("D-1", CLOSING);
    driver.move("D-1", Driver.contractSigned(), "security-review");
    driver.move("D-1", Driver.custom(securityCleared), "security-review-passed");
    driver.move("D-1", Driver.won(), ONBOARDING);
  }

  @Test
  void aChangeThatBreaksTheProcessIsRejectedWhenRebuilt() {
    SalesProcess.Builder broken = SalesCatalog.sevenStepReferrals().toBuilder()
        .stage(Stage.open("dead-end", "Dead end"));
    assertThatThrownBy(broken::build).isInstanceOf(InvalidProcessException.class)
        .hasMessageContaining("'dead-end' cannot be reached")
        .hasMessageContaining("'dead-end' can never reach a won or lost stage");
  }
}
